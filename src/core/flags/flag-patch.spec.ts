import type { FeatureFlag } from './feature-flag';
import { newFeatureFlag } from './flag-factory';
import { applyFlagPatch, PatchError, patchPermissions } from './flag-patch';

const flag = (): FeatureFlag =>
  newFeatureFlag({
    id: 'f',
    envId: 'e',
    revision: 'r1',
    name: 'F',
    key: 'f',
    description: '',
    isEnabled: false,
    variationType: 'string',
    variations: [
      { id: 'a', name: 'A', value: 'a' },
      { id: 'b', name: 'B', value: 'b' },
    ],
    enabledVariationId: 'a',
    disabledVariationId: 'b',
    tags: ['x'],
    creatorId: 'u',
    now: '2024-01-01T00:00:00.000Z',
  });

describe('JSON Patch on flags', () => {
  it('applies add, replace, remove, move, copy and test without touching the original', () => {
    const original = flag();
    const result = applyFlagPatch(original, [
      { op: 'test', path: '/revision', value: 'r1' },
      { op: 'add', path: '/tags/-', value: 'y' },
      { op: 'add', path: '/tags/0', value: 'w' },
      { op: 'remove', path: '/tags/1' },
      { op: 'replace', path: '/name', value: 'G' },
      { op: 'copy', from: '/variations/0', path: '/variations/-' },
      { op: 'move', from: '/variations/2', path: '/variations/0' },
    ]);
    expect(result.tags).toEqual(['w', 'y']);
    expect(result.name).toBe('G');
    expect(result.variations!.map((v) => v.id)).toEqual(['a', 'a', 'b']);
    expect(original.tags).toEqual(['x']);
    expect(patchPermissions(original, result).sort()).toEqual([
      'UpdateFlagName',
      'UpdateFlagTags',
      'UpdateFlagVariations',
    ]);
  });

  it.each([
    [[{ op: 'replace', path: '/key', value: 'k' }], /key cannot be changed/],
    [[{ op: 'remove', path: '/name' }], /only replaced/],
    [[{ op: 'replace', path: '/tags/5', value: 'z' }], /out of range/],
    [[{ op: 'add', path: 'name', value: 'z' }], /invalid path/],
    [[{ op: 'copy', path: '/name' }], /needs "from"/],
    [[{ op: 'test', path: '/name', value: 'nope' }], /test failed/],
    [[{ op: 'replace', path: '/rules/0/name', value: 'z' }], /out of range/],
    [[{ op: 'replace', path: '/fallthrough/nothing', value: 'z' }], /does not exist/],
  ])('refuses %j', (ops, message) => {
    expect(() => applyFlagPatch(flag(), ops as never)).toThrow(message);
  });

  it('flags a failed revision test as a conflict', () => {
    try {
      applyFlagPatch(flag(), [{ op: 'test', path: '/revision', value: 'old' }]);
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(PatchError);
      expect((err as PatchError).revisionConflict).toBe(true);
    }
  });
});
