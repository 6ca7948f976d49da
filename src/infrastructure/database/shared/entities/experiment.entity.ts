import { EntitySchema } from 'typeorm';
import type { Experiment, ExperimentMetric } from '../../../../core/experiments/experiments';
import { bool, double, integer, jsonb, nullable, primaryId, stamps, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

export const EXPERIMENT_METRIC_ENTITY: EntityDefinition<ExperimentMetric> = {
  schema: new EntitySchema<ExperimentMetric>({
    name: 'ExperimentMetric',
    tableName: 'experiment_metrics',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      name: text(),
      description: text(),
      maintainerUserId: text('maintainer_user_id'),
      eventName: text('event_name'),
      eventType: integer('event_type'),
      customEventTrackOption: integer('custom_event_track_option'),
      customEventUnit: text('custom_event_unit'),
      customEventSuccessCriteria: integer('custom_event_success_criteria'),
      elementTargets: text('element_targets'),
      targetUrls: jsonb('target_urls'),
      isArchived: bool('is_archived'),
      ...stamps,
    },
    indices: [{ name: 'ix_experiment_metrics_env', columns: ['envId', 'createdAt'] }],
  }),
  mongo: {
    collection: 'ExperimentMetrics',
    indexes: [[{ envId: 1, createdAt: -1 }, { name: 'ix_experiment_metrics_env' }]],
  },
};

export const EXPERIMENT_ENTITY: EntityDefinition<Experiment> = {
  schema: new EntitySchema<Experiment>({
    name: 'Experiment',
    tableName: 'experiments',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      metricId: text('metric_id'),
      featureFlagId: text('feature_flag_id'),
      isArchived: bool('is_archived'),
      status: text(),
      baselineVariationId: text('baseline_variation_id'),
      alpha: double(),
      method: text(),
      guard: nullable(jsonb()),
      iterations: jsonb(),
      ...stamps,
    },
    indices: [
      { name: 'ix_experiments_env', columns: ['envId', 'createdAt'] },
      { name: 'ix_experiments_flag', columns: ['featureFlagId'] },
      // One experiment that is not archived per (flag, metric): docs/experiments.md.
      {
        name: 'uq_experiments_active_slot',
        columns: ['featureFlagId', 'metricId'],
        unique: true,
        where: 'NOT is_archived',
      },
    ],
  }),
  mongo: {
    collection: 'Experiments',
    indexes: [
      [{ envId: 1, createdAt: -1 }, { name: 'ix_experiments_env' }],
      [{ featureFlagId: 1 }, { name: 'ix_experiments_flag' }],
      [{ activeSlot: 1 }, { unique: true, name: 'uq_experiments_active_slot' }],
    ],
    // FerretDB has no partial indexes, so the slot is a field that is unique by construction once
    // archived (the experiment's own id) and names the (flag, metric) pair before.
    derived: { activeSlot: experimentActiveSlot },
  },
};

/** The value Mongo's unique `activeSlot` index holds for an experiment. */
export function experimentActiveSlot(
  experiment: Pick<Experiment, 'id' | 'featureFlagId' | 'metricId' | 'isArchived'>,
): string {
  return experiment.isArchived
    ? `archived:${experiment.id}`
    : `active:${experiment.featureFlagId}:${experiment.metricId}`;
}
