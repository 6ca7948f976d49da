import { int } from '../env-parsers';
import { variable } from '../env-variable.types';

/** AppConfig.workflow: the api role's durable jobs (scheduled changes, webhook deliveries). */
export const WORKFLOW_CONFIG = {
  jobPollIntervalMs: variable({
    name: 'JOB_POLL_INTERVAL_MS',
    description:
      'How often each api replica looks for due jobs (scheduled flag changes, webhook deliveries); a change that causes a job also wakes the worker at once',
    parser: int(100, 60_000),
    default: 1000,
  }),
};
