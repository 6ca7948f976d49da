import type { AuditLogEntry, Segment } from '../api/api.models';
import { describeAuditEntry, diffFlags, diffSegments } from './audit-diff';
import { aFlag } from './test-flag';

const texts = (changes: { text: string }[]) => changes.map((c) => c.text);

describe('flag change list', () => {
  it('is empty when nothing changed, ignoring revision and timestamps', () => {
    expect(diffFlags(aFlag(), aFlag({ revision: 'r2', updatedAt: '2026-01-01T00:00:00.000Z' }))).toEqual([]);
  });

  it('describes toggling, off variation and tags', () => {
    const changes = diffFlags(aFlag(), aFlag({ isEnabled: false, disabledVariationId: 'on', tags: ['web'] }));
    expect(texts(changes)).toEqual([
      'Turned the flag OFF',
      'Added tags web',
      'When OFF, serve On (true) (was Off (false))',
    ]);
  });

  it('describes a new rule with its conditions and a 30/70 split', () => {
    const after = aFlag({
      rules: [
        {
          id: 'r1',
          name: 'Beta countries',
          dispatchKey: null,
          includedInExpt: false,
          conditions: [
            { id: 'c1', property: 'country', op: 'IsOneOf', value: '["NL","BE"]' },
            { id: 'c2', property: 'User is in segment', op: null, value: '["s1"]' },
          ],
          variations: [
            { id: 'on', rollout: [0, 0.3], exptRollout: 1 },
            { id: 'off', rollout: [0.3, 1], exptRollout: 1 },
          ],
        },
      ],
    });
    expect(texts(diffFlags(aFlag(), after, (id) => (id === 's1' ? 'Beta testers' : id)))).toEqual([
      'Added rule “Beta countries”: if country is one of NL, BE AND User is in segment Beta testers then serve 30% On (true) · 70% Off (false)',
    ]);
  });

  it('describes rule edits, removals and reordering separately', () => {
    const rule = (id: string, name: string) => ({
      id,
      name,
      dispatchKey: null,
      includedInExpt: false,
      conditions: [{ id: 'c' + id, property: 'plan', op: 'Equal', value: 'pro' }],
      variations: [{ id: 'on', rollout: [0, 1] as [number, number], exptRollout: 1 }],
    });
    const before = aFlag({ rules: [rule('a', 'A'), rule('b', 'B'), rule('c', 'C')] });
    const edited = {
      ...rule('a', 'A'),
      conditions: [{ id: 'x', property: 'plan', op: 'Equal', value: 'team' }],
    };
    const after = aFlag({ rules: [rule('b', 'B'), { ...edited, dispatchKey: 'companyId' }] });
    expect(texts(diffFlags(before, after))).toEqual([
      'Rule “A”: added condition plan equals team',
      'Rule “A”: removed condition plan equals pro',
      'Rule “A”: dispatch by companyId',
      'Removed rule “C”',
      'Reordered the targeting rules',
    ]);
  });

  it('describes individual targeting per variation and the default rule', () => {
    const before = aFlag({ targetUsers: [{ variationId: 'on', keyIds: ['alice'] }] });
    const after = aFlag({
      targetUsers: [
        { variationId: 'on', keyIds: ['bob'] },
        { variationId: 'off', keyIds: ['carol'] },
      ],
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [{ id: 'off', rollout: [0, 1], exptRollout: 1 }],
      },
    });
    expect(texts(diffFlags(before, after))).toEqual([
      'Serve On (true) to users bob',
      'Stop targeting users alice with On (true)',
      'Serve Off (false) to users carol',
      'Default rule: serve Off (false) (was On (true))',
    ]);
  });

  it('describes variation edits', () => {
    const after = aFlag({
      variations: [
        { id: 'on', name: 'Enabled', value: 'true' },
        { id: 'new', name: 'Maybe', value: 'maybe' },
      ],
    });
    expect(texts(diffFlags(aFlag(), after))).toEqual([
      'Variation “On”: renamed to “Enabled”',
      'Added variation “Maybe” = maybe',
      'Removed variation “Off” = false',
    ]);
  });
});

describe('segment change list', () => {
  const segment = (overrides: Partial<Segment> = {}): Segment => ({
    id: 's1',
    workspaceId: 'w',
    envId: 'e1',
    name: 'Beta testers',
    key: 'beta',
    type: 'environment-specific',
    scopes: [],
    description: '',
    included: ['alice'],
    excluded: [],
    rules: [],
    tags: [],
    isArchived: false,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  });

  it('describes included/excluded users and rules', () => {
    const after = segment({
      included: ['bob'],
      excluded: ['mallory'],
      rules: [
        {
          id: 'r',
          name: '',
          conditions: [{ id: 'c', property: 'email', op: 'EndsWith', value: '@acme.com' }],
        },
      ],
    });
    expect(texts(diffSegments(segment(), after))).toEqual([
      'Included users bob',
      'No longer included: alice',
      'Excluded users mallory',
      'Added rule: email ends with @acme.com',
    ]);
  });
});

describe('audit entries as readable diffs', () => {
  const entry = (
    refType: AuditLogEntry['refType'],
    previous: unknown,
    current: unknown,
    operation = 'Update',
  ): AuditLogEntry => ({
    id: 'a',
    envId: 'e1',
    refId: 'f1',
    refType,
    operation,
    keyword: '',
    // The API sends "" for the missing side of a create or delete.
    dataChange: {
      previous: previous === null ? '' : JSON.stringify(previous),
      current: current === null ? '' : JSON.stringify(current),
    },
    comment: '',
    creatorId: 'u',
    creatorName: 'Admin',
    creatorEmail: 'admin@example.com',
    createdAt: '',
    instructions: [],
  });

  it('renders a flag update as the semantic change list', () => {
    expect(texts(describeAuditEntry(entry('FeatureFlag', aFlag(), aFlag({ isEnabled: false }))))).toEqual([
      'Turned the flag OFF',
    ]);
  });

  it('renders creation and deletion', () => {
    expect(texts(describeAuditEntry(entry('FeatureFlag', null, aFlag(), 'Create')))).toEqual([
      'Created the flag “New checkout”',
    ]);
    expect(texts(describeAuditEntry(entry('Segment', { name: 'x' }, null, 'Remove')))).toEqual([
      'Deleted the segment',
    ]);
  });

  it('falls back to the operation, and to changed fields for other resources', () => {
    expect(
      texts(describeAuditEntry(entry('FeatureFlag', aFlag(), aFlag({ revision: 'r9' }), 'Archive'))),
    ).toEqual(['Archived the flag']);
    expect(
      texts(
        describeAuditEntry(
          entry('Environment', { name: 'Dev', updatedAt: 1 }, { name: 'Development', updatedAt: 2 }),
        ),
      ),
    ).toEqual(['Changed name from "Dev" to "Development"']);
  });

  it('survives documents that are not JSON', () => {
    const broken: AuditLogEntry = {
      ...entry('FeatureFlag', null, null, 'Archive'),
      dataChange: { previous: '{', current: 'x' },
    };
    expect(texts(describeAuditEntry(broken))).toEqual(['Archived the flag']);
  });
});
