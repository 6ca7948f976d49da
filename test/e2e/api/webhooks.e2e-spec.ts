import { DEVELOPER_POLICY_ID } from '../../../src/core/iam/built-in-policies';
import { verifyWebhookSignature } from '../../../src/core/integrations/webhook-signature';
import { WebhookReceiver } from '../../support/webhook-receiver';
import { ApiApp } from './support/api-app';
import { boolFlag, waitFor } from './support/fixtures';

jest.setTimeout(120_000);

// Issue 19, webhooks: FeatBit's webhooks routes with IAM; bad URLs, SSRF targets, unknown events, bad
// scopes and templates that do not compile are refused 400 naming the field, nothing stored; a flag
// toggle reaches a real local receiver with FeatBit's payload and signature, is retried after 500s
// (every attempt in the log), and a webhook that keeps failing is switched off with the reason.

const RETRY_BASE_MS = 200;

describe('webhooks API', () => {
  let api: ApiApp;
  let receiver: WebhookReceiver;
  let envId: string;
  let projectId: string;
  let flagKey: string;
  let scope: string;

  beforeAll(async () => {
    // The receiver listens on 127.0.0.2, which the allow-list opens; every other loopback address stays refused.
    receiver = await WebhookReceiver.start('127.0.0.2');
    api = await ApiApp.start({
      env: {
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.2',
        WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_DISABLE_AFTER_FAILURES: '2',
        WEBHOOK_TIMEOUT_MS: '2000',
        JOB_POLL_INTERVAL_MS: '100',
      },
    });
    await api.loginAsAdmin();
    const project = await api.defaultProject();
    projectId = project.id;
    envId = project.environments.find((e) => e.key === 'dev')!.id;
    scope = `${projectId}/${envId}`;
    flagKey = (await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('hooked'))).body.data.key;
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: `hook-${Math.random().toString(36).slice(2, 8)}`,
    url: receiver.url,
    scopes: [scope],
    events: ['feature_flag.toggled'],
    headers: [{ key: 'X-Team', value: 'web' }],
    payloadTemplateType: 'default',
    secret: 's3cret',
    isActive: true,
    preventEmptyPayloads: false,
    ...overrides,
  });
  const count = async () => (await api.get('/api/v1/webhooks?pageSize=100')).body.data.totalCount as number;
  const toggle = (on: boolean) => api.put(`/api/v1/envs/${envId}/feature-flags/${flagKey}/toggle/${on}`, {});
  const deliveries = async (id: string, query = '') =>
    (await api.get(`/api/v1/webhooks/${id}/deliveries?pageSize=50${query}`)).body.data;
  const remove = (id: string) => api.delete(`/api/v1/webhooks/${id}`);

  it.each([
    ['a scheme other than http(s)', { url: 'ftp://example.com/hook' }, 'url'],
    ['a URL that is no URL', { url: 'not a url' }, 'url'],
    ['loopback', { url: 'http://127.0.0.1:9/hook' }, 'url'],
    ['cloud metadata (link-local)', { url: 'http://169.254.169.254/latest/meta-data' }, 'url'],
    ['a private address', { url: 'http://10.1.2.3/hook' }, 'url'],
    ['IPv6 loopback', { url: 'http://[::1]:9/hook' }, 'url'],
    ['IPv4-mapped loopback', { url: 'http://[::ffff:127.0.0.1]:9/hook' }, 'url'],
    ['a host name resolving to loopback', { url: 'http://localhost:9/hook' }, 'url'],
    ['an unknown event', { events: ['feature_flag.exploded'] }, 'events'],
    ['no event', { events: [] }, 'events'],
    ['a malformed scope', { scopes: ['no-slash'] }, 'scopes'],
    ['a scope outside the organization', { scopes: ['00000000-0000-4000-8000-000000000999/x'] }, 'scopes'],
    [
      'a template that does not compile',
      { payloadTemplateType: 'custom', payloadTemplate: '{"a": {{#if x}} }' },
      'payloadTemplate',
    ],
  ])('refuses %s with 400 naming the field, storing nothing', async (_, overrides, field) => {
    const before = await count();
    const res = await api.post('/api/v1/webhooks', body(overrides));
    expect(res.status).toBe(400);
    expect(res.raw).toContain(field);
    expect(await count()).toBe(before);
  });

  it('creates, lists, updates and deletes, never answering the secret, audited in the organization', async () => {
    const created = await api.post('/api/v1/webhooks', body({ name: 'Deploy notifier' }));
    expect(created.status).toBe(200);
    const hook = created.body.data;
    expect(hook).toMatchObject({
      name: 'Deploy notifier',
      hasSecret: true,
      isActive: true,
      lastDelivery: null,
    });
    expect(created.raw).not.toContain('s3cret');
    expect((await api.get('/api/v1/webhooks/is-name-used?name=deploy%20notifier')).body.data).toBe(true);
    expect((await api.post('/api/v1/webhooks', body({ name: 'Deploy notifier' }))).status).toBe(422);
    const listed = await api.get(`/api/v1/webhooks?projectId=${projectId}&envId=${envId}`);
    expect(listed.raw).not.toContain('s3cret');
    expect(listed.body.data.items.map((h: { id: string }) => h.id)).toContain(hook.id);
    const updated = await api.put(
      `/api/v1/webhooks/${hook.id}`,
      body({ name: 'Deploy notifier', secret: undefined, isActive: false }),
    );
    expect(updated.body.data).toMatchObject({ isActive: false, hasSecret: true });
    expect((await api.store.webhooks.findById(hook.id))!.secret).toBe('s3cret');
    expect((await remove(hook.id)).status).toBe(200);
    const audit = await api.store.auditLogs.list({
      refType: 'Webhook',
      refId: hook.id,
      pageIndex: 0,
      pageSize: 50,
    });
    const entries = audit.items.filter((e) => e.refType === 'Webhook' && e.refId === hook.id);
    expect(entries.map((e) => e.operation).sort()).toEqual(['Create', 'Remove', 'Update']);
    expect(JSON.stringify(entries)).not.toContain('s3cret');
  });

  it('lets developers read webhooks but not change them', async () => {
    const added = await api.post('/api/v1/members/add', {
      email: 'hook-dev@example.com',
      policyIds: [DEVELOPER_POLICY_ID],
    });
    const developer = await api.fork().loginAs('hook-dev@example.com', added.body.data.initialPassword);
    expect((await developer.get('/api/v1/webhooks')).status).toBe(200);
    expect((await developer.post('/api/v1/webhooks', body())).status).toBe(403);
    expect((await developer.post('/api/v1/webhooks/send', { url: receiver.url })).status).toBe(403);
  });

  it('delivers a flag toggle with FeatBit’s payload, headers and a valid signature, retrying after two 500s', async () => {
    const hook = (await api.post('/api/v1/webhooks', body())).body.data;
    receiver.reset();
    receiver.answer(500, 500, 200);
    expect((await toggle(true)).status).toBe(200);
    await waitFor(() => receiver.received.length >= 3, 20_000);
    const [first, second, third] = receiver.received;
    for (const r of receiver.received) {
      expect(verifyWebhookSignature('s3cret', r.body, String(r.headers['x-featbit-signature-256']))).toBe(
        true,
      );
      expect(r.headers).toMatchObject({
        'x-featbit-event': 'feature_flag.toggled',
        'x-featbit-hook-id': hook.id,
        'x-team': 'web',
        'content-type': 'application/json; charset=utf-8',
      });
    }
    // One delivery: the same id and bytes on every attempt, backing off 200 ms then 400 ms.
    expect(new Set(receiver.received.map((r) => r.headers['x-featbit-delivery'])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(second.at - first.at).toBeGreaterThanOrEqual(RETRY_BASE_MS - 20);
    expect(third.at - second.at).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 20);
    const payload = JSON.parse(first.body);
    expect(payload).toMatchObject({
      events: 'feature_flag.toggled',
      project: { id: projectId },
      environment: { id: envId },
      data: { kind: 'feature flag', object: { key: flagKey, isEnabled: 'true' } },
    });
    expect(payload.operator).toBeTruthy();
    expect(payload.changes.length).toBeGreaterThan(0);
    await waitFor(async () => (await deliveries(hook.id)).totalCount === 3, 5000);
    const log = await deliveries(hook.id);
    expect(log.items.map((d: { success: boolean }) => d.success)).toEqual([true, false, false]);
    expect(log.items[1]).toMatchObject({ response: { statusCode: 500, body: 'receiver failed' } });
    expect(log.items[0].request).toMatchObject({ url: receiver.url, payload: first.body });
    expect(log.items[0].durationMs).toBeGreaterThanOrEqual(0);
    expect((await deliveries(hook.id, '&success=false')).totalCount).toBe(2);
    expect((await deliveries(hook.id, '&event=segment.created')).totalCount).toBe(0);
    const listed = (await api.get('/api/v1/webhooks?pageSize=100')).body.data.items.find(
      (h: { id: string }) => h.id === hook.id,
    );
    expect(listed).toMatchObject({
      lastDelivery: { success: true, response: { statusCode: 200 } },
      consecutiveFailures: 0,
    });
    await remove(hook.id);
  });

  it('sends nothing to webhooks that do not hear the event or the environment', async () => {
    const prodId = await api.envId('prod');
    const other = (await api.post('/api/v1/webhooks', body({ scopes: [`${projectId}/${prodId}`] }))).body
      .data;
    const otherEvent = (await api.post('/api/v1/webhooks', body({ events: ['segment.created'] }))).body.data;
    receiver.reset();
    receiver.answer(200);
    await toggle(false);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received).toHaveLength(0);
    await remove(other.id);
    await remove(otherEvent.id);
  });

  it('switches a webhook that keeps failing off, saying why', async () => {
    const hook = (await api.post('/api/v1/webhooks', body())).body.data;
    receiver.reset();
    receiver.answer(503);
    await toggle(true);
    await waitFor(() => receiver.received.length >= 3, 20_000);
    await toggle(false);
    await waitFor(async () => (await api.store.webhooks.findById(hook.id))!.isActive === false, 20_000);
    const view = (await api.get('/api/v1/webhooks?pageSize=100')).body.data.items.find(
      (h: { id: string }) => h.id === hook.id,
    );
    expect(view).toMatchObject({ isActive: false, consecutiveFailures: 2 });
    expect(view.disabledReason).toMatch(/2 failed deliveries in a row/);
    expect((await deliveries(hook.id)).totalCount).toBe(6);
    // Switched on again: a fresh start.
    const again = await api.put(`/api/v1/webhooks/${hook.id}`, body({ name: hook.name, isActive: true }));
    expect(again.body.data).toMatchObject({ isActive: true, consecutiveFailures: 0, disabledReason: null });
    await remove(hook.id);
  });

  it('test-sends at once, answering the attempt, with the same target rules', async () => {
    receiver.reset();
    receiver.answer(200);
    const sent = await api.post('/api/v1/webhooks/send', {
      url: receiver.url,
      secret: 'k',
      events: ['feature_flag.toggled'],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toMatchObject({ success: true, response: { statusCode: 200 } });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    expect(verifyWebhookSignature('k', got.body, String(got.headers['x-featbit-signature-256']))).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({ data: { kind: 'feature flag' } });
    const given = await api.post('/api/v1/webhooks/send', { url: receiver.url, payload: '{"hello":1}' });
    expect(given.body.data.request.payload).toBe('{"hello":1}');
    for (const url of [
      'http://127.0.0.1:9/',
      'http://169.254.169.254/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://localhost/',
    ]) {
      const refused = await api.post('/api/v1/webhooks/send', { url });
      expect(refused.status).toBe(400);
    }
  });
});
