import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhookSignature } from '../../../src/core/integrations/webhook-signature';
import { WebhookReceiver } from '../../support/webhook-receiver';
import { signIn } from '../support/management-client';
import { startProduct } from '../support/product';

// Issue 19, webhooks: a restart during a retry loses no delivery. The receiver fails the first
// attempt; the product stops during the backoff and starts again on the same embedded database; the
// retry arrives (same delivery id, valid signature) and the log shows both attempts.

const RETRY_BASE_MS = 5000;

describe('webhook delivery across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'featbit-ts-webhook-restart-'));
  let receiver: WebhookReceiver;
  const env = {
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
    JOB_POLL_INTERVAL_MS: '200',
  };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start('127.0.0.1');
  });
  afterAll(async () => {
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers the retry after the product restarted during the backoff', async () => {
    receiver.answer(500, 200);
    const first = await startProduct({ dataDir, env });
    let hookId = '';
    let stoppedAt = 0;
    try {
      const client = await signIn(first.baseUrl);
      const dev = await client.environment('dev');
      const projects = await client.ok<{ id: string; key: string }[]>('GET', '/projects');
      const projectId = projects.find((p) => p.key === 'default')!.id;
      await client.createFlag(dev.id, {
        key: 'restart-hook',
        variationType: 'boolean',
        values: ['true', 'false'],
        isEnabled: false,
      });
      hookId = (
        await client.ok<{ id: string }>('POST', '/webhooks', {
          name: 'Restart receiver',
          url: receiver.url,
          scopes: [`${projectId}/${dev.id}`],
          events: ['feature_flag.toggled'],
          payloadTemplateType: 'default',
          secret: 'restart-secret',
          isActive: true,
        })
      ).id;
      await client.toggleFlag(dev.id, 'restart-hook', true);
      const deadline = Date.now() + 20_000;
      while (receiver.received.length < 1) {
        if (Date.now() > deadline) throw new Error('first attempt never arrived');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      expect((await first.stop('SIGTERM')).code).toBe(0);
      stoppedAt = Date.now();
    }
    // Stopped well inside the backoff: the retry has not been sent.
    expect(stoppedAt - receiver.received[0].at).toBeLessThan(RETRY_BASE_MS);
    expect(receiver.received).toHaveLength(1);

    const second = await startProduct({ dataDir, env });
    try {
      const deadline = Date.now() + 30_000;
      while (receiver.received.length < 2) {
        if (Date.now() > deadline) throw new Error('the retry never arrived after the restart');
        await new Promise((r) => setTimeout(r, 100));
      }
      const [failed, retried] = receiver.received;
      expect(retried.at - failed.at).toBeGreaterThanOrEqual(RETRY_BASE_MS - 50);
      expect(retried.headers['x-featbit-delivery']).toBe(failed.headers['x-featbit-delivery']);
      expect(
        verifyWebhookSignature(
          'restart-secret',
          retried.body,
          String(retried.headers['x-featbit-signature-256']),
        ),
      ).toBe(true);
      const client = await signIn(second.baseUrl);
      const log = await client.ok<{ totalCount: number; items: { success: boolean }[] }>(
        'GET',
        `/webhooks/${hookId}/deliveries`,
      );
      expect(log.items.map((d) => d.success)).toEqual([true, false]);
    } finally {
      await second.stop('SIGTERM');
    }
  }, 300_000);
});
