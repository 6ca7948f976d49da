import { distinctKeys, keyFromName } from './key-from-name';

describe('keyFromName', () => {
  it('lower-cases and joins words with dashes', () => {
    expect(keyFromName('My Project', 'p')).toBe('my-project');
    expect(keyFromName('  Prod (EU) ', 'p')).toBe('prod-eu');
    expect(keyFromName('Café.v2_x', 'p')).toBe('cafe.v2_x');
  });

  it('falls back when nothing usable is left and stays within 128 characters', () => {
    expect(keyFromName('生产', 'env')).toBe('env');
    expect(keyFromName('a'.repeat(300), 'x')).toHaveLength(128);
  });

  it('makes repeated keys distinct', () => {
    expect(distinctKeys(['Dev', 'dev', 'DEV'], 'env')).toEqual(['dev', 'dev-2', 'dev-3']);
  });
});
