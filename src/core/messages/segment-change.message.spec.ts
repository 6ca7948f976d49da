import { MAX_JSON_DEPTH } from '../json/bounded-json';
import type { WireSegment } from '../segments/segment';
import { parseSegmentChangeMessage, segmentChangeJson } from './segment-change.message';

const segment = {
  id: 's1',
  envId: 'env',
  name: 'beta',
  updatedAt: '2024-01-01T00:00:00.000Z',
} as unknown as WireSegment;

describe('featbit-segment-change message', () => {
  it('is {segment, affectedFlagIds}, read back from its text or a decoded value', () => {
    const message = { segment, affectedFlagIds: ['f1', 'f2'] };
    const json = segmentChangeJson(message);
    expect(json).toBe(JSON.stringify(message));
    expect(parseSegmentChangeMessage(json)).toEqual({ ok: true, value: message });
    expect(parseSegmentChangeMessage(JSON.parse(json))).toEqual({ ok: true, value: message });
  });

  it('reads missing or odd affectedFlagIds as the strings among them', () => {
    expect(parseSegmentChangeMessage({ segment })).toEqual({
      ok: true,
      value: { segment, affectedFlagIds: [] },
    });
    expect(parseSegmentChangeMessage({ segment, affectedFlagIds: ['f1', 2] })).toEqual({
      ok: true,
      value: { segment, affectedFlagIds: ['f1'] },
    });
  });

  it('refuses a wrong shape', () => {
    for (const payload of [
      null,
      '{',
      [],
      { segment: [] },
      { segment: 's1' },
      { segment: { ...segment, id: 1 } },
    ]) {
      const result = parseSegmentChangeMessage(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^featbit-segment-change: /);
    }
  });

  it('refuses a document nested too deep', () => {
    const text = `{"segment":${JSON.stringify(segment)},"affectedFlagIds":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(parseSegmentChangeMessage(text)).toEqual({
      ok: false,
      error: `featbit-segment-change: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('names a missing field', () => {
    expect(parseSegmentChangeMessage({ affectedFlagIds: [] })).toEqual({
      ok: false,
      error: 'featbit-segment-change: segment must be an object',
    });
    const { envId: _, ...rest } = segment;
    expect(parseSegmentChangeMessage({ segment: rest })).toEqual({
      ok: false,
      error: 'featbit-segment-change: segment.envId must be a string',
    });
  });
});
