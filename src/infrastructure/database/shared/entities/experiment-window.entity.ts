import { EntitySchema } from 'typeorm';
import { bigint, double, integer, nullable, primaryId, primaryText, text } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

/**
 * One experiment window kept up to date as events arrive (PostgreSQL and PGlite only; the other
 * analytics providers read raw events): a flag's exposures and one metric's events from `fromUs` on.
 * Built from raw events on its first read, then folded by the statement that inserts events
 * (docs/experiments.md, "Samples kept as events arrive").
 */
export interface ExperimentWindow {
  id: string;
  envId: string;
  flagKey: string;
  /** The metric's stored event type ('CustomEvent', 'PageView' or 'Click'). */
  metricEvent: string;
  metricEventName: string;
  fromUs: number;
  /** Last read, µs: windows nobody reads for a week are dropped (and rebuilt if read again). */
  readUs: number;
}

export const EXPERIMENT_WINDOW_ENTITY: EntityDefinition<ExperimentWindow> = {
  schema: new EntitySchema<ExperimentWindow>({
    name: 'ExperimentWindow',
    tableName: 'experiment_windows',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      flagKey: text('flag_key'),
      metricEvent: text('metric_event'),
      metricEventName: text('metric_event_name'),
      fromUs: bigint('from_us'),
      readUs: bigint('read_us'),
    },
    indices: [
      {
        name: 'uq_experiment_windows',
        columns: ['envId', 'flagKey', 'metricEvent', 'metricEventName', 'fromUs'],
        unique: true,
      },
    ],
  }),
  mongo: { collection: 'ExperimentWindows', indexes: [] },
};

/** One user of a window: the first exposure from the window's start on, and what counts after it. */
export interface ExperimentWindowUser {
  windowId: string;
  userKey: string;
  variationId: string;
  firstUs: number;
  /** Metric events at or after `firstUs`. */
  events: number;
  /** Σ of their values (a missing or non-numeric value is 0). */
  value: number;
  /** The latest of them, µs (null: none): a read whose window ends at or before it recounts the user. */
  lastUs: number | null;
}

export const EXPERIMENT_WINDOW_USER_ENTITY: EntityDefinition<ExperimentWindowUser> = {
  schema: new EntitySchema<ExperimentWindowUser>({
    name: 'ExperimentWindowUser',
    tableName: 'experiment_window_users',
    columns: {
      windowId: primaryText('window_id'),
      userKey: primaryText('user_key'),
      variationId: text('variation_id'),
      firstUs: bigint('first_us'),
      events: integer('events'),
      value: double('value'),
      lastUs: nullable(bigint('last_us')),
    },
  }),
  mongo: {
    collection: 'ExperimentWindowUsers',
    id: (r) => linkId(r.windowId, r.userKey),
    indexes: [],
  },
};
