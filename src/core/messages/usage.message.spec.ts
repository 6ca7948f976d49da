import { MAX_JSON_DEPTH } from '../json/bounded-json';
import type { UsageRecord } from '../analytics/usage';
import { insightUsageRecord, parseUsageMessage, usageMessage } from './usage.message';

const record: UsageRecord = {
  id: 'r-1',
  envId: 'env',
  recordedAt: '2026-11-30',
  endUsers: ['u1', 'u2'],
  flagEvaluations: 3,
  customMetrics: 1,
};
const options = { fallbackId: 'bus-1', nowMs: Date.UTC(2026, 11, 6, 23, 59) };

describe('featbit-usage message', () => {
  it("is FeatBit's InsightUsage shape plus our id", () => {
    expect(JSON.stringify(usageMessage(record))).toBe(
      '{"id":"r-1","envId":"env","type":"insight","recordedAt":"2026-11-30","endUsers":["u1","u2"],' +
        '"flagEvaluations":3,"customMetrics":1}',
    );
  });

  it('reads back the record, from its text or a decoded value', () => {
    const message = usageMessage(record);
    expect(parseUsageMessage(message, options)).toEqual({ ok: true, value: record });
    expect(parseUsageMessage(JSON.stringify(message), options)).toEqual({ ok: true, value: record });
  });

  it("reads FeatBit's own message: no id (the bus id), defaults for missing fields, users de-duplicated", () => {
    expect(parseUsageMessage({ envId: 'env', type: 'insight', endUsers: ['a', 'a', ''] }, options)).toEqual({
      ok: true,
      value: {
        id: 'bus-1',
        envId: 'env',
        recordedAt: '2026-12-06',
        endUsers: ['a'],
        flagEvaluations: 0,
        customMetrics: 0,
      },
    });
  });

  it('counts an insight request: distinct users, FlagValue events and metric events, on its UTC date', () => {
    expect(
      insightUsageRecord({
        id: 'r',
        envId: 'env',
        nowMs: Date.UTC(2026, 11, 31, 23, 59, 59),
        userKeys: ['u1', 'u2', 'u1'],
        events: [
          { event: 'FlagValue' },
          { event: 'CustomEvent' },
          { event: 'FlagValue' },
          { event: 'PageView' },
        ],
      }),
    ).toEqual({
      id: 'r',
      envId: 'env',
      recordedAt: '2026-12-31',
      endUsers: ['u1', 'u2'],
      flagEvaluations: 2,
      customMetrics: 2,
    });
  });

  it('refuses a wrong shape', () => {
    const message = usageMessage(record);
    for (const payload of [
      null,
      '[]',
      { ...message, type: 'other' },
      { ...message, envId: '' },
      { ...message, id: 7 },
      { ...message, recordedAt: '2026-02-30' },
      { ...message, recordedAt: '2026-1-1' },
      { ...message, endUsers: [1] },
      { ...message, flagEvaluations: -1 },
      { ...message, customMetrics: 1.5 },
    ]) {
      const result = parseUsageMessage(payload, options);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^featbit-usage: /);
    }
  });

  it('refuses a document nested too deep', () => {
    let extra: unknown = {};
    for (let i = 0; i < MAX_JSON_DEPTH; i++) extra = { extra };
    expect(parseUsageMessage({ ...usageMessage(record), extra }, options)).toEqual({
      ok: false,
      error: `featbit-usage: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });
});
