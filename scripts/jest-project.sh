#!/bin/sh
# npm run test:<project> [-- <path>… <jest flags>…]: runs one Jest project. Paths go before
# --selectProjects, which takes a list and would read them as project names; PGlite loads its
# WebAssembly through dynamic import(), which Jest's VM sandbox allows only with the Node flag.
set -eu
project=$1
shift
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" exec npx --no-install jest "$@" --selectProjects "$project"
