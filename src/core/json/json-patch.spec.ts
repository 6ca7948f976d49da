import { applyJsonPatch, JsonPatchError } from './json-patch';

const rules = {
  writable: new Set(['name', 'list', 'nested']),
  readable: new Set(['id', 'stamp']),
  conflictPath: '/stamp',
};
const doc = { id: 'a', stamp: 's1', name: 'n', list: [1, 2, 3], nested: { x: 1 }, hidden: true };

describe('applyJsonPatch', () => {
  it('applies add, replace, remove, move, copy and test, returning only the writable fields', () => {
    const out = applyJsonPatch(
      doc,
      [
        { op: 'test', path: '/id', value: 'a' },
        { op: 'replace', path: '/name', value: 'm' },
        { op: 'add', path: '/list/-', value: 4 },
        { op: 'remove', path: '/list/0' },
        { op: 'add', path: '/nested/y', value: 2 },
        { op: 'move', from: '/nested/x', path: '/nested/z' },
        { op: 'copy', from: '/list/0', path: '/list/0' },
      ],
      rules,
    );
    expect(out).toEqual({ name: 'm', list: [2, 2, 3, 4], nested: { y: 2, z: 1 } });
    expect(doc.list).toEqual([1, 2, 3]);
  });

  it('refuses fields outside the writable ones, bad paths and indexes', () => {
    const bad = [
      { op: 'replace', path: '/hidden', value: false },
      { op: 'replace', path: '/id', value: 'b' },
      { op: 'remove', path: '/name' },
      { op: 'remove', path: '/list/9' },
      { op: 'add', path: '/list/x', value: 1 },
      { op: 'replace', path: 'name', value: 1 },
      { op: 'test', path: '/hidden', value: true },
      { op: 'move', path: '/name' },
      { op: 'move', from: '/nested', path: '/nested/x' },
    ] as const;
    for (const op of bad) expect(() => applyJsonPatch(doc, [op], rules)).toThrow(JsonPatchError);
  });

  it('reports a failed test on the conflict path as a conflict, others as plain failures', () => {
    const conflict = (): unknown =>
      applyJsonPatch(doc, [{ op: 'test', path: '/stamp', value: 'old' }], rules);
    expect(conflict).toThrow(expect.objectContaining({ conflict: true }));
    const plain = (): unknown => applyJsonPatch(doc, [{ op: 'test', path: '/name', value: 'x' }], rules);
    expect(plain).toThrow(expect.objectContaining({ conflict: false, message: 'test failed at /name' }));
  });
});
