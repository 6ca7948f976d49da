import { MAX_JSON_DEPTH } from '../json/bounded-json';
import type { InsightEvent } from '../insights/insight-event';
import { insightMessage, parseInsightMessage } from './insight.message';

const event: InsightEvent = {
  uuid: 'u-1',
  distinctId: 'env-dark-mode',
  envId: 'env',
  event: 'FlagValue',
  properties: '{"flagId":"env-dark-mode"}',
  timestamp: 1_700_000_000_000_000,
};

describe('featbit-insights message', () => {
  it("is FeatBit's events shape, fields in FeatBit's order", () => {
    expect(JSON.stringify(insightMessage(event))).toBe(
      '{"uuid":"u-1","distinct_id":"env-dark-mode","env_id":"env","event":"FlagValue",' +
        '"properties":"{\\"flagId\\":\\"env-dark-mode\\"}","timestamp":1700000000000000}',
    );
  });

  it('reads back the event, from its text or a decoded value', () => {
    const message = insightMessage(event);
    expect(parseInsightMessage(message)).toEqual({ ok: true, value: event });
    expect(parseInsightMessage(JSON.stringify(message))).toEqual({ ok: true, value: event });
  });

  it('refuses a wrong shape', () => {
    const message = insightMessage(event);
    for (const payload of [
      null,
      '[]',
      { ...message, properties: {} },
      { ...message, uuid: '' },
      { ...message, timestamp: -1 },
      { ...message, timestamp: '1' },
    ]) {
      const result = parseInsightMessage(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^featbit-insights: /);
    }
  });

  it('refuses a document nested too deep', () => {
    let extra: unknown = {};
    for (let i = 0; i < MAX_JSON_DEPTH; i++) extra = { extra };
    expect(parseInsightMessage({ ...insightMessage(event), extra })).toEqual({
      ok: false,
      error: `featbit-insights: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('names a missing field', () => {
    const { env_id: _, ...rest } = insightMessage(event);
    expect(parseInsightMessage(rest)).toEqual({
      ok: false,
      error: 'featbit-insights: env_id must be a string',
    });
  });
});
