import {
  DEFAULT_WEBHOOK_TEMPLATE,
  renderWebhookPayload,
  templateError,
  type WebhookDataObject,
  webhookTemplate,
} from './webhook-payload';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

const data: WebhookDataObject = {
  events: 'feature_flag.toggled',
  operator: 'Ada',
  happenedAt: '2026-01-01T00:00:00.000Z',
  organization: { id: 'o', name: 'Acme' },
  project: { id: 'p', name: 'Web' },
  environment: { id: 'e', name: 'Prod' },
  data: { kind: 'feature flag', object: { key: 'checkout', isEnabled: 'true' } },
  changes: ['Turned the flag on'],
};

describe('webhook payloads', () => {
  it('renders the whole data object by default', () => {
    const rendered = renderWebhookPayload(DEFAULT_WEBHOOK_TEMPLATE, data);
    expect(rendered).toMatchObject({ ok: true, empty: false });
    expect(rendered.ok && JSON.parse(rendered.payload)).toEqual(data);
  });

  it('renders a custom template with FeatBit’s eq and json helpers', () => {
    const template =
      '{"text": {{{json data.object.key}}}, "on": {{#if (eq data.object.isEnabled "true")}}true{{else}}false{{/if}} }';
    const rendered = renderWebhookPayload(template, data);
    expect(rendered.ok && JSON.parse(rendered.payload)).toEqual({ text: 'checkout', on: true });
  });

  it('reports an empty object and a result that is not JSON', () => {
    expect(renderWebhookPayload('{}', data)).toEqual({ ok: true, payload: '{}', empty: true });
    expect(renderWebhookPayload('not json {{operator}}', data)).toMatchObject({ ok: false });
  });

  it('refuses templates that do not compile, at save time', () => {
    expect(templateError('{"a": "{{operator}}"}')).toBeNull();
    expect(templateError('{{#if x}}')).toMatch(/./);
    expect(templateError('{{')).toMatch(/./);
  });

  it('uses the stored template only when custom', () => {
    expect(webhookTemplate({ payloadTemplateType: 'default', payloadTemplate: 'x' })).toBe(
      DEFAULT_WEBHOOK_TEMPLATE,
    );
    expect(webhookTemplate({ payloadTemplateType: 'custom', payloadTemplate: 'x' })).toBe('x');
  });
});

describe('webhook signature (X-FeatBit-Signature-256)', () => {
  it('is sha256= and the hex HMAC-SHA256 of the body', () => {
    // RFC 4231 test case 2.
    expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('verifies what it signed and nothing else', () => {
    const header = webhookSignature('s3cret', '{"a":1}');
    expect(verifyWebhookSignature('s3cret', '{"a":1}', header)).toBe(true);
    expect(verifyWebhookSignature('s3cret', '{"a":2}', header)).toBe(false);
    expect(verifyWebhookSignature('other', '{"a":1}', header)).toBe(false);
    expect(verifyWebhookSignature('s3cret', '{"a":1}', 'sha256=00')).toBe(false);
  });
});
