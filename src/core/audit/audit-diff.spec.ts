import type { FeatureFlag } from '../flags/feature-flag';
import { newFeatureFlag } from '../flags/flag-factory';
import { auditDiff, auditInstructions, fieldDiff } from './audit-diff';

const flag = (): FeatureFlag =>
  newFeatureFlag({
    id: 'f',
    envId: 'e',
    revision: 'r1',
    name: 'Checkout',
    key: 'checkout',
    description: '',
    isEnabled: false,
    variationType: 'boolean',
    variations: [
      { id: 'on', name: 'On', value: 'true' },
      { id: 'off', name: 'Off', value: 'false' },
    ],
    enabledVariationId: 'on',
    disabledVariationId: 'off',
    tags: [],
    creatorId: 'u',
    now: '2024-01-01T00:00:00.000Z',
  });

describe('audit instructions', () => {
  it('describes flag changes semantically', () => {
    const before = flag();
    const after: FeatureFlag = {
      ...before,
      isEnabled: true,
      tags: ['web'],
      targetUsers: [{ keyIds: ['u1'], variationId: 'on' }],
      fallthrough: {
        ...before.fallthrough,
        variations: [
          { id: 'on', rollout: [0, 0.25], exptRollout: 1 },
          { id: 'off', rollout: [0.25, 1], exptRollout: 1 },
        ],
      },
      rules: [
        {
          id: 'r',
          name: 'Beta',
          dispatchKey: null,
          includedInExpt: true,
          conditions: [{ property: 'plan', op: 'Equal', value: 'beta' }],
          variations: [{ id: 'on', rollout: [0, 1], exptRollout: 1 }],
        },
      ],
    };
    const kinds = auditInstructions('FeatureFlag', {
      previous: JSON.stringify(before),
      current: JSON.stringify(after),
    }).map((i) => i.kind);
    expect(kinds).toEqual([
      'TurnFlagOn',
      'AddTags',
      'AddTargetUsers',
      'AddRule',
      'UpdateDefaultRuleVariationOrRollouts',
    ]);
    const texts = auditInstructions('FeatureFlag', {
      previous: JSON.stringify(before),
      current: JSON.stringify(after),
    }).map((i) => i.text);
    expect(texts).toContain('Default rule: serve 25% On (true) · 75% Off (false) (was On (true))');
    expect(texts).toContain('Serve On (true) to users u1');
  });

  it('names the permanent mark (a flag from before the field has none)', () => {
    const before = flag();
    const marked = { ...before, isPermanent: true };
    const change = (a: FeatureFlag, b: FeatureFlag) =>
      auditInstructions('FeatureFlag', { previous: JSON.stringify(a), current: JSON.stringify(b) });
    expect(change(before, marked).map((i) => i.text)).toEqual(['Marked the flag permanent']);
    expect(change(marked, { ...before, isPermanent: false }).map((i) => i.kind)).toEqual([
      'UnmarkFlagPermanent',
    ]);
    expect(change(before, { ...before, isPermanent: false })).toEqual([]);
  });

  it('marks creation and removal', () => {
    expect(auditInstructions('FeatureFlag', { previous: '', current: JSON.stringify(flag()) })[0].kind).toBe(
      'CreateFlag',
    );
    expect(
      auditInstructions('Segment', { previous: JSON.stringify({ key: 's' }), current: '' })[0].kind,
    ).toBe('RemoveSegment');
  });

  it('diffs other objects field by field, ignoring bookkeeping fields', () => {
    const lines = fieldDiff(
      { name: 'Dev', updatedAt: 'a', settings: { x: 1 } },
      { name: 'Development', updatedAt: 'b', settings: { x: 1 } },
    );
    expect(lines).toEqual([
      {
        of: 'resource',
        kind: 'UpdateField',
        value: { field: 'name', previous: 'Dev', current: 'Development' },
        subject: { field: 'name' },
        before: 'Dev',
        after: 'Development',
      },
    ]);
    expect(
      auditInstructions('Environment', {
        previous: JSON.stringify({ name: 'Dev', plan: 'free' }),
        current: JSON.stringify({ name: 'Development', region: 'eu' }),
      }),
    ).toEqual([
      {
        kind: 'UpdateField',
        value: { field: 'name', previous: 'Dev', current: 'Development' },
        text: 'Changed name from "Dev" to "Development"',
      },
      {
        kind: 'UpdateField',
        value: { field: 'plan', previous: 'free', current: null },
        text: 'Removed plan',
      },
      {
        kind: 'UpdateField',
        value: { field: 'region', previous: null, current: 'eu' },
        text: 'Set region to "eu"',
      },
    ]);
    expect(auditDiff('Environment', { previous: 'not json', current: '' })).toEqual([]);
  });
});
