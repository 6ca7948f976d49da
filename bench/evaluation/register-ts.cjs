// Lets plain `node` load the TypeScript benchmark and case generator: compiles .ts on require
// with @swc/core (already a dev dependency) using the repository's .swcrc.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const swc = require('@swc/core');

const options = JSON.parse(readFileSync(join(__dirname, '../../.swcrc'), 'utf8'));
delete options.$schema;

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
