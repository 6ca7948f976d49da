import { WebhookAllowList } from '../../core/integrations/webhook-address';
import { int, list } from '../env-parsers';
import type { EnvParser } from '../env-variable.types';
import { variable } from '../env-variable.types';

/** Host names, addresses and CIDR ranges, each checked. */
function allowList(): EnvParser<readonly string[]> {
  const items = list();
  return {
    parse: (raw, context) => {
      const result = items.parse(raw, context);
      if (!result.ok) return result;
      const bad = result.value.find((entry) => !WebhookAllowList.isValidEntry(entry));
      return bad === undefined
        ? result
        : { ok: false, message: `'${bad}' is not a host name, an IP address or a CIDR range` };
    },
  };
}

/** AppConfig.workflow: the api role's durable jobs (scheduled changes, webhook deliveries). */
export const WORKFLOW_CONFIG = {
  jobPollIntervalMs: variable({
    name: 'JOB_POLL_INTERVAL_MS',
    description:
      'How often each api replica looks for due jobs (scheduled flag changes, webhook deliveries); a change that causes a job also wakes the worker at once',
    parser: int(100, 60_000),
    default: 1000,
  }),
  webhookTimeoutMs: variable({
    name: 'WEBHOOK_TIMEOUT_MS',
    description:
      'How long one webhook delivery attempt may take (connect, send, answer) before it counts as failed',
    parser: int(100, 120_000),
    default: 10_000,
  }),
  webhookMaxAttempts: variable({
    name: 'WEBHOOK_MAX_ATTEMPTS',
    description: 'Attempts per webhook delivery (the first one included) before it is given up',
    parser: int(1, 20),
    default: 3,
  }),
  webhookRetryBaseMs: variable({
    name: 'WEBHOOK_RETRY_BASE_MS',
    description:
      'Wait before the second attempt of a failed webhook delivery; doubles for each further one (at most 1 hour)',
    parser: int(10, 3_600_000),
    default: 2000,
  }),
  webhookAllowedHosts: variable({
    name: 'WEBHOOK_ALLOWED_HOSTS',
    description:
      'Webhook targets allowed although private, loopback or link-local (comma list of host names, IP addresses and CIDR ranges); every other such address is refused',
    parser: allowList(),
    default: [],
    defaultText: 'none',
  }),
  webhookDisableAfterFailures: variable({
    name: 'WEBHOOK_DISABLE_AFTER_FAILURES',
    description:
      'A webhook whose deliveries failed this many times in a row is switched off, with the reason shown (0 = never)',
    parser: int(0, 10_000),
    default: 20,
  }),
};
