/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
// In-memory fakes of the experiment, metric, flag and analytics ports the experiment services use,
// over the tenancy fakes of in-memory-tenancy.ts, and the services wired as ExperimentsModule wires
// them. Reads hand out copies and writes store copies (as a database does), and `store.transaction`
// rolls every state back when the work throws.
import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import { ExperimentMetricService } from '../../../../src/api/experiments/experiment-metric.service';
import { ExperimentResultsService } from '../../../../src/api/experiments/experiment-results.service';
import { ExperimentService } from '../../../../src/api/experiments/experiment.service';
import { GuardedRolloutService } from '../../../../src/api/experiments/guarded-rollout.service';
import { FlagMutations } from '../../../../src/api/feature-flags/flag-mutation.service';
import type { Experiment, ExperimentMetric } from '../../../../src/core/experiments/experiments';
import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import type {
  AnalyticsQuery,
  ExperimentSamples,
  ExperimentSamplesQuery,
} from '../../../../src/core/ports/analytics-query.port';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type {
  ExperimentMetricRepository,
  ExperimentRepository,
} from '../../../../src/core/ports/integrations.repositories';
import type {
  FlagRepository,
  FlagRevisionRecord,
  FlagRevisionRepository,
} from '../../../../src/core/ports/targeting.repositories';
import { RevisionConflictError } from '../../../../src/core/shared/errors';
import { InMemoryTenancy, recordingCollaborators, type SideEffect } from './in-memory-tenancy';

interface ExperimentsState {
  metrics: ExperimentMetric[];
  experiments: Experiment[];
  revisions: FlagRevisionRecord[];
}

const STAMP = '2024-01-01T00:00:00.000Z';

const unused = (): never => {
  throw new Error('not used by the services under test');
};

function page<T>(items: T[], request: { pageIndex: number; pageSize: number }) {
  const start = request.pageIndex * request.pageSize;
  return { totalCount: items.length, items: items.slice(start, start + request.pageSize) };
}

export class InMemoryExperiments {
  readonly tenancy = new InMemoryTenancy();
  state: ExperimentsState = { metrics: [], experiments: [], revisions: [] };
  /** Every experimentSamples query, in order. */
  readonly queries: ExperimentSamplesQuery[] = [];
  /** What experimentSamples answers (it may throw, or change stored records, before answering). */
  answer: (query: ExperimentSamplesQuery) => ExperimentSamples = () => ({ variations: [] });
  readonly effects: SideEffect[] = [];

  readonly analytics = {
    experimentSamples: async (query: ExperimentSamplesQuery) => {
      this.queries.push(structuredClone(query));
      return this.answer(query);
    },
  } as Partial<AnalyticsQuery> as AnalyticsQuery;

  readonly metrics: ExperimentMetricRepository = {
    create: async (metric) => {
      this.state.metrics.push(structuredClone(metric));
      return metric;
    },
    findById: async (id) => structuredClone(this.state.metrics.find((m) => m.id === id) ?? null),
    update: async (metric) => {
      this.state.metrics = this.state.metrics.map((m) => (m.id === metric.id ? structuredClone(metric) : m));
      return metric;
    },
    delete: unused,
    list: async (envId, request) =>
      page(structuredClone(this.state.metrics.filter((m) => m.envId === envId && !m.isArchived)), request),
  };

  readonly experiments: ExperimentRepository = {
    create: async (experiment) => {
      this.state.experiments.push(structuredClone(experiment));
      return experiment;
    },
    findById: async (id) => structuredClone(this.state.experiments.find((e) => e.id === id) ?? null),
    update: async (experiment) => {
      this.state.experiments = this.state.experiments.map((e) =>
        e.id === experiment.id ? structuredClone(experiment) : e,
      );
      return experiment;
    },
    delete: unused,
    list: unused,
    listActive: async (envId) =>
      structuredClone(
        this.state.experiments
          .filter((e) => e.envId === envId && !e.isArchived)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      ),
    listWatching: async () =>
      structuredClone(this.state.experiments.filter((e) => !e.isArchived && e.guard?.status === 'Watching')),
  };

  /** The tenancy fake's flag reads, with the by-id reads and the revision-checked update. */
  readonly flags: FlagRepository = Object.assign({}, this.tenancy.flags, {
    findById: async (id: string) =>
      structuredClone(this.tenancy.state.flags.find((f) => f.id === id) ?? null),
    findByIds: async (ids: readonly string[]) =>
      structuredClone(this.tenancy.state.flags.filter((f) => ids.includes(f.id))),
    update: async (flag: FeatureFlag, expectedRevision: string) => {
      const stored = this.tenancy.state.flags.find((f) => f.id === flag.id);
      if (!stored || stored.revision !== expectedRevision) throw new RevisionConflictError('flag', flag.id);
      this.tenancy.state.flags = this.tenancy.state.flags.map((f) =>
        f.id === flag.id ? structuredClone(flag) : f,
      );
      return flag;
    },
    replace: async (flag: FeatureFlag, expectedRevision: string) => {
      await this.flags.update(flag, expectedRevision);
    },
  });

  readonly flagRevisions: FlagRevisionRepository = {
    append: async (record) => {
      this.state.revisions.push(structuredClone(record));
    },
    listByFlag: unused,
  };

  readonly store: DataStore = {
    ...this.tenancy.store,
    experiments: this.experiments,
    experimentMetrics: this.metrics,
    flags: this.flags,
    flagRevisions: this.flagRevisions,
    transaction: async <T>(work: (tx: DataStore) => Promise<T>): Promise<T> => {
      const before = structuredClone({
        iam: this.tenancy.iam.state,
        tenancy: this.tenancy.state,
        experiments: this.state,
      });
      this.tenancy.iam.transactions += 1;
      try {
        return await work(this.store);
      } catch (error) {
        this.tenancy.iam.state = before.iam;
        this.tenancy.state = before.tenancy;
        this.state = before.experiments;
        throw error;
      }
    },
  } as Partial<DataStore> as DataStore;

  /** The audit log (shared with the IAM fake, its failAuditAppend switch included). */
  get auditLogs() {
    return this.tenancy.iam.state.auditLogs;
  }

  /** The experiment services wired as ExperimentsModule wires them, over these fakes. */
  services() {
    const { relay, logger } = recordingCollaborators(this.effects);
    const audit = new AuditTrail();
    const results = new ExperimentResultsService(this.analytics, this.store);
    const experiments = new ExperimentService(
      this.store,
      this.experiments,
      this.metrics,
      this.flags,
      results,
      audit,
    );
    const metrics = new ExperimentMetricService(
      this.store,
      this.metrics,
      this.experiments,
      this.tenancy.iam.users,
      this.tenancy.organizations,
      audit,
    );
    const mutations = new FlagMutations(this.store, audit, relay);
    const guarded = new GuardedRolloutService(
      experiments,
      this.experiments,
      this.metrics,
      this.flags,
      this.tenancy.environments,
      this.tenancy.projects,
      results,
      mutations,
      logger,
    );
    return { audit, results, experiments, metrics, mutations, guarded };
  }

  // Seeding helpers.
  addMetric(metric: Partial<ExperimentMetric> & { id: string; envId: string }): ExperimentMetric {
    const full: ExperimentMetric = {
      name: metric.id,
      description: '',
      maintainerUserId: 'user-admin@x.io',
      eventName: `${metric.id}-event`,
      eventType: 1,
      customEventTrackOption: 1,
      customEventUnit: '',
      customEventSuccessCriteria: 1,
      elementTargets: '',
      targetUrls: [],
      isArchived: false,
      createdAt: STAMP,
      updatedAt: STAMP,
      ...metric,
    };
    this.state.metrics.push(structuredClone(full));
    return full;
  }

  /** A flag of two variations, `a` (baseline) and `b`, split half and half by its default rule. */
  addFlag(flag: Partial<FeatureFlag> & { id: string; envId: string }): FeatureFlag {
    const full: FeatureFlag = {
      revision: `${flag.id}-rev-1`,
      name: flag.id,
      description: '',
      key: flag.id,
      variationType: 'boolean',
      variations: [
        { id: 'a', name: 'A', value: 'false' },
        { id: 'b', name: 'B', value: 'true' },
      ],
      targetUsers: [],
      rules: [],
      isEnabled: true,
      disabledVariationId: 'a',
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [
          { id: 'a', rollout: [0, 0.5], exptRollout: 1 },
          { id: 'b', rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
      exptIncludeAllTargets: false,
      tags: [],
      isArchived: false,
      creatorId: 'user-admin@x.io',
      updatorId: 'user-admin@x.io',
      createdAt: STAMP,
      updatedAt: STAMP,
      ...flag,
    };
    this.tenancy.state.flags.push(structuredClone(full));
    return full;
  }

  addExperiment(experiment: Partial<Experiment> & { id: string; envId: string }): Experiment {
    const full: Experiment = {
      metricId: 'metric-1',
      featureFlagId: 'flag-1',
      isArchived: false,
      status: 'NotStarted',
      baselineVariationId: 'a',
      alpha: 0.05,
      method: 'fixed',
      guard: null,
      iterations: [],
      createdAt: STAMP,
      updatedAt: STAMP,
      ...experiment,
    };
    this.state.experiments.push(structuredClone(full));
    return full;
  }

  experiment(id: string): Experiment {
    return this.state.experiments.find((e) => e.id === id)!;
  }

  flag(id: string): FeatureFlag {
    return this.tenancy.state.flags.find((f) => f.id === id)!;
  }

  /** Seeds workspace, organization org-1 (admin and maintainer members), project p-1, env-1 and env-2. */
  seedOrganization() {
    const iam = this.tenancy.iam;
    iam.addOrganization('org-1');
    const admin = iam.addUser('admin@x.io');
    const maintainer = iam.addUser('maintainer@x.io');
    iam.addMember('org-1', admin);
    iam.addMember('org-1', maintainer);
    this.tenancy.addProject('p-1', 'org-1');
    const env = this.tenancy.addEnvironment('env-1', 'p-1');
    const otherEnv = this.tenancy.addEnvironment('env-2', 'p-1');
    return { admin, maintainer, env, otherEnv };
  }
}

/** A sample per variation: `users` exposed, `converted` of them converted (conversion metric). */
export function samples(
  ...rows: [variationId: string, users: number, converted: number][]
): ExperimentSamples {
  return {
    variations: rows.map(([variationId, users, converted]) => ({
      variationId,
      users,
      converted,
      sum: converted,
      sumSquares: converted,
    })),
  };
}
