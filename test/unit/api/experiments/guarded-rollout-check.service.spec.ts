/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import type { ExperimentResultsService } from '../../../../src/api/experiments/experiment-results.service';
import type { ExperimentService } from '../../../../src/api/experiments/experiment.service';
import { GuardedRolloutService } from '../../../../src/api/experiments/guarded-rollout.service';
import type { FlagChange, FlagMutations } from '../../../../src/api/feature-flags/flag-mutation.service';
import { ConflictError } from '../../../../src/api/http/api-errors';
import type { IterationAnalysis, VariationResult } from '../../../../src/core/experiments/experiment-results';
import type { Experiment, ExperimentMetric } from '../../../../src/core/experiments/experiments';
import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import { type Actor, SYSTEM_ID } from '../../../../src/core/iam/actor';
import type {
  ExperimentMetricRepository,
  ExperimentRepository,
} from '../../../../src/core/ports/integrations.repositories';
import type { Logger } from '../../../../src/core/ports/logger.port';
import type { FlagRepository } from '../../../../src/core/ports/targeting.repositories';
import type {
  EnvironmentRepository,
  ProjectRepository,
} from '../../../../src/core/ports/tenancy.repositories';

// GuardedRolloutService.checkAll with fakes around it: what a check writes with and without a
// regression, how a lost race and a vanished rule end, and that one broken guard does not stop the rest.

const START = '2026-11-01T00:00:00.000Z';

function split(): FeatureFlag {
  return {
    id: 'flag-1',
    envId: 'env-1',
    key: 'new-search',
    revision: 'rev-1',
    isArchived: false,
    variations: [
      { id: 'stable', name: 'Stable', value: 'false' },
      { id: 'risky', name: 'Risky', value: 'true' },
    ],
    rules: [],
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [
        { id: 'stable', rollout: [0, 0.5], exptRollout: 1 },
        { id: 'risky', rollout: [0.5, 1], exptRollout: 1 },
      ],
    },
  } as unknown as FeatureFlag;
}

function guarded(id = 'exp-1'): Experiment {
  return {
    id,
    envId: 'env-1',
    metricId: 'metric-1',
    featureFlagId: 'flag-1',
    isArchived: false,
    status: 'Recording',
    baselineVariationId: 'stable',
    alpha: 0.05,
    method: 'sequential',
    guard: { ruleId: null, status: 'Watching', checkedAt: null, reason: '', rolledBackAt: null },
    iterations: [
      {
        id: 'it-1',
        startTime: START,
        endTime: null,
        updatedAt: null,
        isArchived: false,
        isFinish: false,
        eventType: 1,
        eventName: 'search-error',
        customEventTrackOption: 1,
        customEventSuccessCriteria: 2,
        results: [],
      },
    ],
    createdAt: START,
    updatedAt: START,
  };
}

function row(variationId: string, lift: number, ci: [number, number], isBaseline = false): VariationResult {
  return {
    variationId,
    confidenceInterval: [String(ci[0]), String(ci[1])],
    pValue: '0.001',
    effectSize: String(lift),
    isBaseline,
    isWinner: false,
    isInvalid: !isBaseline,
    reason: '',
    exposedUsers: 500,
    requiredSampleSize: null,
    bayesian: null,
  };
}

function analysis(treatment: VariationResult): IterationAnalysis {
  return {
    method: 'sequential',
    alpha: 0.05,
    power: 0.8,
    correction: 'none',
    srm: { chiSquare: 0, pValue: 1, mismatch: false, expected: {}, observed: {} },
    results: [row('stable', 0, [0, 0], true), treatment],
  };
}

function setUp(options: { flag?: FeatureFlag; experiments?: Experiment[] } = {}) {
  const flag = options.flag ?? split();
  const watching = options.experiments ?? [guarded()];
  const calls = {
    applied: [] as { actor: Actor; change: FlagChange }[],
    stored: [] as string[],
    ended: [] as { id: string; after: Experiment }[],
    saved: 0,
  };
  let treatment = row('risky', 0.05, [-0.1, 0.2]);
  let applyError: Error | null = null;
  const analyseFails = new Set<string>();
  const experiments = {
    end: async (_a: Actor, _o: string, e: Experiment, _f: FeatureFlag, change: (x: Experiment) => void) => {
      const after = structuredClone(e);
      change(after);
      calls.ended.push({ id: e.id, after });
    },
    save: async () => {
      calls.saved++;
    },
  } as unknown as ExperimentService;
  const results = {
    analyse: async (e: Experiment) => {
      if (analyseFails.has(e.id)) throw new Error('analytics store unavailable');
      return analysis(treatment);
    },
    store: async (experimentId: string) => {
      calls.stored.push(experimentId);
      return null;
    },
  } as unknown as ExperimentResultsService;
  const mutations = {
    apply: async (actor: Actor, _o: string, _env: unknown, _f: FeatureFlag, change: FlagChange) => {
      if (applyError) throw applyError;
      calls.applied.push({ actor, change });
      return flag;
    },
  } as unknown as FlagMutations;
  const metric = { id: 'metric-1', name: 'Search errors', envId: 'env-1' } as ExperimentMetric;
  const logger = { child: () => logger, warn: () => undefined, info: () => undefined } as unknown as Logger;
  const service = new GuardedRolloutService(
    experiments,
    { listWatching: async () => watching.map((e) => structuredClone(e)) } as unknown as ExperimentRepository,
    { findById: async () => metric } as unknown as ExperimentMetricRepository,
    { findById: async () => flag } as unknown as FlagRepository,
    { findById: async () => ({ id: 'env-1', projectId: 'p-1' }) } as unknown as EnvironmentRepository,
    { findById: async () => ({ id: 'p-1', organizationId: 'org-1' }) } as unknown as ProjectRepository,
    results,
    mutations,
    logger,
  );
  return {
    service,
    calls,
    regress: () => (treatment = row('risky', 0.6, [0.3, 0.9])),
    failApply: (e: Error) => (applyError = e),
    failAnalyse: (id: string) => analyseFails.add(id),
  };
}

describe('GuardedRolloutService.checkAll', () => {
  it('stores the results of a check without a regression, and writes no audit entry or flag change', async () => {
    const { service, calls } = setUp();
    expect(await service.checkAll(new Date('2026-11-02T00:00:00.000Z'))).toBe(0);
    expect(calls.stored).toEqual(['exp-1']);
    expect(calls.saved).toBe(0);
    expect(calls.applied).toEqual([]);
    expect(calls.ended).toEqual([]);
  });

  it('rolls back a regression as the system, on the revision it read, naming the metric and the numbers', async () => {
    const { service, calls, regress } = setUp();
    regress();
    expect(await service.checkAll(new Date('2026-11-02T00:00:00.000Z'))).toBe(1);
    expect(calls.applied).toHaveLength(1);
    const [{ actor, change }] = calls.applied;
    expect(actor).toEqual({ creatorId: SYSTEM_ID, kind: 'system', userId: SYSTEM_ID });
    expect(change.expectedRevision).toBe('rev-1');
    expect(change.comment).toBe(
      'Guardrail "Search errors" regressed on Risky: lift 60.00%, interval [30.00%, 90.00%], p 0.001; rolled back to the baseline',
    );
    expect(change.changes.fallthrough?.variations).toEqual([
      { id: 'stable', rollout: [0, 1], exptRollout: 1 },
    ]);
    expect(calls.ended).toHaveLength(1);
    expect(calls.ended[0].after.guard).toMatchObject({ status: 'RolledBack', reason: change.comment });
    expect(calls.ended[0].after.status).toBe('Paused');
  });

  it('leaves the guard watching when another replica changed the flag first', async () => {
    const { service, calls, regress, failApply } = setUp();
    regress();
    failApply(new ConflictError('changed by someone else'));
    expect(await service.checkAll()).toBe(0);
    expect(calls.ended).toEqual([]);
  });

  it('stops a guard whose rule no longer splits traffic, without touching the flag', async () => {
    const flag = split();
    flag.fallthrough.variations = [{ id: 'stable', rollout: [0, 1], exptRollout: 1 }];
    const { service, calls, regress } = setUp({ flag });
    regress();
    expect(await service.checkAll()).toBe(0);
    expect(calls.applied).toEqual([]);
    expect(calls.ended[0].after.guard).toMatchObject({ status: 'Stopped' });
  });

  it('goes on with the other guards when one check fails', async () => {
    const { service, calls, regress, failAnalyse } = setUp({
      experiments: [guarded('broken'), guarded('exp-2')],
    });
    regress();
    failAnalyse('broken');
    expect(await service.checkAll()).toBe(1);
    expect(calls.ended.map((e) => e.id)).toEqual(['exp-2']);
  });
});
