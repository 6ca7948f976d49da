import type { FlagUsage } from '../insights/flag-usage';
import type { FeatureFlag } from './feature-flag';
import { newFeatureFlag } from './flag-factory';
import { LIFECYCLE_WINDOW_DAYS, lifecycleOf, singleServedVariation } from './flag-lifecycle';

const NOW = new Date('2026-03-20T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString();

/** A boolean flag created `ageDays` ago, last changed `changedDays` ago. */
function flag(ageDays: number, changedDays = ageDays, changes: Partial<FeatureFlag> = {}): FeatureFlag {
  const base = newFeatureFlag({
    id: 'f1',
    envId: 'e1',
    revision: 'r1',
    name: 'Checkout',
    key: 'checkout',
    description: '',
    isEnabled: true,
    variationType: 'boolean',
    variations: [
      { id: 'on', name: 'On', value: 'true' },
      { id: 'off', name: 'Off', value: 'false' },
    ],
    enabledVariationId: 'on',
    disabledVariationId: 'off',
    tags: [],
    creatorId: 'u1',
    now: daysAgo(ageDays),
  });
  return { ...base, updatedAt: daysAgo(changedDays), ...changes };
}

const evaluated = (lastDays: number): FlagUsage => ({
  envId: 'e1',
  flagKey: 'checkout',
  firstEvaluatedAt: daysAgo(60),
  lastEvaluatedAt: daysAgo(lastDays),
});

const split = {
  dispatchKey: null,
  includedInExpt: true,
  variations: [
    { id: 'on', rollout: [0, 0.3] as [number, number], exptRollout: 1 },
    { id: 'off', rollout: [0.3, 1] as [number, number], exptRollout: 1 },
  ],
};

describe('lifecycleOf', () => {
  it('uses a 7-day window', () => {
    expect(LIFECYCLE_WINDOW_DAYS).toBe(7);
  });

  it('is permanent when marked, whatever else holds', () => {
    expect(lifecycleOf(flag(1, 1, { isPermanent: true }), null, NOW)).toEqual({
      status: 'permanent',
      since: null,
      reason: expect.stringContaining('permanent') as string,
    });
    expect(lifecycleOf(flag(90, 90, { isPermanent: true }), evaluated(30), NOW).status).toBe('permanent');
  });

  it('is new for 7 days after creation, evaluated or not', () => {
    expect(lifecycleOf(flag(6.9), null, NOW)).toMatchObject({ status: 'new', since: daysAgo(6.9) });
    expect(lifecycleOf(flag(0), evaluated(0), NOW).status).toBe('new');
    expect(lifecycleOf(flag(7), null, NOW).status).not.toBe('new');
  });

  it('is inactive when never evaluated, or not in the last 7 days', () => {
    expect(lifecycleOf(flag(10), null, NOW)).toEqual({
      status: 'inactive',
      since: daysAgo(10),
      reason: 'Never evaluated by an SDK',
    });
    expect(lifecycleOf(flag(30, 1, { rules: [] }), evaluated(9), NOW)).toEqual({
      status: 'inactive',
      since: daysAgo(9),
      reason: 'Not evaluated by an SDK for 9 days',
    });
    expect(lifecycleOf(flag(30), evaluated(7), NOW).status).toBe('inactive');
  });

  it('is launched when one variation has gone to everyone for 7 days and SDKs still evaluate it', () => {
    const on = lifecycleOf(flag(30, 8), evaluated(0), NOW);
    expect(on).toMatchObject({ status: 'launched', since: daysAgo(8) });
    expect(on.reason).toContain('"On" to everyone');
    const off = lifecycleOf(flag(30, 7, { isEnabled: false, fallthrough: split }), evaluated(1), NOW);
    expect(off).toMatchObject({ status: 'launched', since: daysAgo(7) });
    expect(off.reason).toContain('"Off" to everyone (off)');
  });

  it('is active when evaluated and either serving several variations or changed recently', () => {
    expect(lifecycleOf(flag(30, 20, { fallthrough: split }), evaluated(0), NOW)).toMatchObject({
      status: 'active',
      since: null,
      reason: expect.stringContaining('more than one variation') as string,
    });
    expect(lifecycleOf(flag(30, 6), evaluated(0), NOW)).toMatchObject({
      status: 'active',
      reason: expect.stringContaining('changed less than 7 days ago') as string,
    });
  });
});

describe('singleServedVariation', () => {
  it('is the off variation when off, whatever the rules', () => {
    expect(singleServedVariation(flag(1, 1, { isEnabled: false, fallthrough: split }))).toBe('off');
  });

  it('is the default variation at 100 % when no target or rule serves another', () => {
    expect(singleServedVariation(flag(1))).toBe('on');
    const sameTarget = flag(1, 1, { targetUsers: [{ keyIds: ['ann'], variationId: 'on' }] });
    expect(singleServedVariation(sameTarget)).toBe('on');
    // A target list without users serves nobody.
    expect(singleServedVariation(flag(1, 1, { targetUsers: [{ keyIds: [], variationId: 'off' }] }))).toBe(
      'on',
    );
  });

  it('is null for a split, another target or a rule serving another variation', () => {
    expect(singleServedVariation(flag(1, 1, { fallthrough: split }))).toBeNull();
    expect(
      singleServedVariation(flag(1, 1, { targetUsers: [{ keyIds: ['ann'], variationId: 'off' }] })),
    ).toBeNull();
    const rule = {
      id: 'r',
      name: 'beta',
      dispatchKey: null,
      includedInExpt: false,
      conditions: [{ property: 'plan', op: 'Equal', value: 'beta' }],
      variations: [{ id: 'off', rollout: [0, 1] as [number, number], exptRollout: 1 }],
    };
    expect(singleServedVariation(flag(1, 1, { rules: [rule] }))).toBeNull();
    // A variation with no share in a rule serves nobody.
    const zeroShare = [
      { id: 'on', rollout: [0, 1] as [number, number], exptRollout: 1 },
      { id: 'off', rollout: [1, 1] as [number, number], exptRollout: 0 },
    ];
    expect(singleServedVariation(flag(1, 1, { rules: [{ ...rule, variations: zeroShare }] }))).toBe('on');
  });
});
