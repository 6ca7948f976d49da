// PGlite loads parts of itself with dynamic import(), which Jest's VM only allows with
// --experimental-vm-modules. Without it the store never becomes ready; fail at once and say why.
export function assertPgliteCanLoad(): void {
  const flag = '--experimental-vm-modules';
  if (!(process.env.NODE_OPTIONS ?? '').includes(flag) && !process.execArgv.includes(flag)) {
    throw new Error(`PGlite tests need NODE_OPTIONS=${flag} under Jest (dynamic import() inside PGlite)`);
  }
}
