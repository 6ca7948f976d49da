# Sourced by the .ci scripts: where downloads and builds are cached between runs
# (INFRA_CACHE, else /var/cache/featbit-ts-ci, else ~/.cache/featbit-ts-ci when that is not writable).
cache_root() {
  local root=${INFRA_CACHE:-/var/cache/featbit-ts-ci}
  if mkdir -p "$root" 2>/dev/null && [[ -w $root ]]; then echo "$root"; else
    mkdir -p "$HOME/.cache/featbit-ts-ci" && echo "$HOME/.cache/featbit-ts-ci"
  fi
}
