import type { Segment } from './segment';
import { applySegmentPatch, type PatchedSegment, segmentPatchPermissions } from './segment-patch';

const segment: Segment = {
  id: 's',
  workspaceId: 'w',
  envId: 'e',
  name: 'Beta',
  key: 'beta',
  type: 'environment-specific',
  scopes: [],
  description: '',
  included: ['a'],
  excluded: [],
  rules: [],
  tags: [],
  isArchived: false,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
};

describe('segment JSON Patch', () => {
  it('changes editable fields and names the permissions they need', () => {
    const patched = applySegmentPatch(segment, [
      { op: 'test', path: '/updatedAt', value: segment.updatedAt },
      { op: 'add', path: '/excluded/-', value: 'b' },
      { op: 'replace', path: '/name', value: 'Beta 2' },
    ]) as unknown as PatchedSegment;
    expect(patched).toEqual({
      name: 'Beta 2',
      description: '',
      tags: [],
      included: ['a'],
      excluded: ['b'],
      rules: [],
    });
    expect(segmentPatchPermissions(segment, patched).sort()).toEqual([
      'UpdateSegmentName',
      'UpdateSegmentTargetingUsers',
    ]);
  });

  it('treats a stale updatedAt as a conflict and refuses the key and type', () => {
    expect(() => applySegmentPatch(segment, [{ op: 'test', path: '/updatedAt', value: 'old' }])).toThrow(
      expect.objectContaining({ conflict: true }),
    );
    expect(() => applySegmentPatch(segment, [{ op: 'replace', path: '/key', value: 'x' }])).toThrow(
      'key cannot be changed with a patch',
    );
    expect(() => applySegmentPatch(segment, [{ op: 'replace', path: '/type', value: 'shared' }])).toThrow(
      'type cannot be changed with a patch',
    );
  });
});
