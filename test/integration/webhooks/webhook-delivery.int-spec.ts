import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { ActorDirectory } from '../../../src/api/audit/actor-directory.service';
import { AuditTrail } from '../../../src/api/audit/audit-trail.service';
import { JobRunner } from '../../../src/api/jobs/job-runner.service';
import { WebhookDeliveryHandler } from '../../../src/api/webhooks/webhook-delivery.handler';
import { WebhookEventHandler } from '../../../src/api/webhooks/webhook-event.handler';
import { WebhookEventQueue } from '../../../src/api/webhooks/webhook-event-queue';
import { WebhookSender } from '../../../src/api/webhooks/webhook-sender.service';
import { loadAppConfig } from '../../../src/config/load-app-config';
import type { Actor } from '../../../src/core/iam/actor';
import { verifyWebhookSignature } from '../../../src/core/integrations/webhook-signature';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { silentLogger } from '../../../src/core/ports/logger.port';
import { WebhookReceiver } from '../../support/webhook-receiver';
import { DATA_STORE_PROVIDERS } from '../support/data-store-providers';
import {
  environment,
  flag,
  organization,
  project,
  user,
  workspace,
} from '../../contracts/database/contract-fixtures';

jest.setTimeout(120_000);

// Issue 19, webhooks on every database provider: a flag change audited in a transaction enqueues the
// event job with it; the event and delivery handlers, on the real store, reach a real local receiver
// that answers 500 twice then 200: three delivery rows, a valid signature, the backoff respected, and a
// worker replaced between two attempts (a restart) loses nothing.

const RETRY_BASE_MS = 300;

const config = loadAppConfig(
  {
    DATA_DIR: tmpdir(),
    DB_PROVIDER: 'pglite',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
    WEBHOOK_MAX_ATTEMPTS: '3',
    WEBHOOK_TIMEOUT_MS: '3000',
  },
  ['api', 'evaluation', 'analytics'],
);

/** One api process's webhook machinery on a store: a worker and both handlers. */
function worker(store: DataStore) {
  const runner = new JobRunner(store, config, silentLogger);
  new WebhookEventHandler(store, new ActorDirectory(store.users, store.accessTokens), runner).onModuleInit();
  new WebhookDeliveryHandler(store, new WebhookSender(config), config, runner, silentLogger).onModuleInit();
  return runner;
}

async function runUntil(runner: JobRunner, done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await runner.runDue();
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(DATA_STORE_PROVIDERS)('webhook delivery on $name', (provider) => {
  let store: DataStore;
  let dispose: () => Promise<void>;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    ({ store, dispose } = await provider.open());
    receiver = await WebhookReceiver.start('127.0.0.1');
  });
  afterAll(async () => {
    await receiver?.close();
    await dispose?.();
  });

  it('delivers a flag change with a valid signature, retried after two 500s, every attempt logged', async () => {
    const admin = user({ name: 'Ada' });
    await store.users.create(admin);
    const ws = await store.workspaces.create(workspace());
    const org = await store.organizations.create(organization(ws.id, { name: 'Acme' }));
    const proj = await store.projects.create(project(org.id));
    const env = await store.environments.create(environment(proj.id));
    const before = await store.flags.create(flag(env.id, { isEnabled: false }));
    const now = new Date().toISOString();
    const hook = await store.webhooks.create({
      id: randomUUID(),
      organizationId: org.id,
      name: 'Notifier',
      url: receiver.url,
      scopes: [`${proj.id}/${env.id}`],
      events: ['feature_flag.toggled'],
      headers: [],
      payloadTemplateType: 'default',
      payloadTemplate: '',
      secret: 'integration-secret',
      isActive: true,
      preventEmptyPayloads: false,
      lastDelivery: null,
      consecutiveFailures: 0,
      disabledReason: null,
      creatorId: admin.id,
      updatorId: admin.id,
      createdAt: now,
      updatedAt: now,
    });
    receiver.answer(500, 500, 200);

    // The change and its audit entry, in one transaction: the event job commits with them.
    const actor: Actor = { creatorId: admin.id, kind: 'user', userId: admin.id };
    const audit = new AuditTrail(new WebhookEventQueue());
    await store.transaction((tx) =>
      audit.record(tx, actor, {
        organizationId: org.id,
        envId: env.id,
        refType: 'FeatureFlag',
        refId: before.id,
        keywords: [before.key, before.name],
        operation: 'Update',
        previous: before,
        current: { ...before, isEnabled: true },
      }),
    );

    // First attempt on one worker; the next ones on another (the api restarted during the backoff).
    await runUntil(worker(store), () => receiver.received.length >= 1);
    await runUntil(worker(store), () => receiver.received.length >= 3);

    const [first, second, third] = receiver.received;
    expect(second.at - first.at).toBeGreaterThanOrEqual(RETRY_BASE_MS - 20);
    expect(third.at - second.at).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 20);
    for (const r of receiver.received) {
      expect(
        verifyWebhookSignature('integration-secret', r.body, String(r.headers['x-featbit-signature-256'])),
      ).toBe(true);
      expect(r.headers['x-featbit-event']).toBe('feature_flag.toggled');
    }
    expect(JSON.parse(first.body)).toMatchObject({
      events: 'feature_flag.toggled',
      operator: 'Ada',
      organization: { id: org.id, name: 'Acme' },
      data: { kind: 'feature flag', object: { id: before.id, isEnabled: 'true' } },
    });

    const log = await store.webhooks.listDeliveries(hook.id, { pageIndex: 0, pageSize: 10 });
    expect(log.totalCount).toBe(3);
    expect(log.items.map((d) => d.success)).toEqual([true, false, false]);
    expect(log.items.map((d) => (d.response as { statusCode: number }).statusCode)).toEqual([200, 500, 500]);
    expect(await store.webhooks.findById(hook.id)).toMatchObject({
      isActive: true,
      consecutiveFailures: 0,
      lastDelivery: { success: true, response: { statusCode: 200 } },
    });
    // Nothing is left to run.
    expect(await worker(store).runDue()).toBe(0);
  });
});
