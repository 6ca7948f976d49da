import type { FeatureFlag } from '../flags/feature-flag';
import type { WireSegment } from '../segments/segment';
import { flagChangeJson, parseFlagChangeMessage } from './flag-change.message';
import { parseRemovalMessage, type RemovalMessage, removalJson } from './removal.message';
import { parseSegmentChangeMessage, segmentChangeJson } from './segment-change.message';
import { readTraceContext } from './trace-context';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const tracestate = 'vendor=value';
const flag = {
  id: 'f1',
  envId: 'env',
  key: 'dark-mode',
  updatedAt: '2024-01-01T00:00:00.000Z',
  isEnabled: true,
} as unknown as FeatureFlag;
const segment = { id: 's1', envId: 'env', updatedAt: '2024-01-01T00:00:00.000Z' } as unknown as WireSegment;

describe('trace context of change messages', () => {
  it('is written as the W3C fields when given, and not at all otherwise', () => {
    expect(JSON.parse(flagChangeJson(flag, { traceparent, tracestate }))).toEqual({
      ...flag,
      traceparent,
      tracestate,
    });
    expect(flagChangeJson(flag, undefined)).toBe(JSON.stringify(flag));
    expect(JSON.parse(segmentChangeJson({ segment, affectedFlagIds: [] }, { traceparent }))).toEqual({
      segment,
      affectedFlagIds: [],
      traceparent,
    });
    expect(JSON.parse(removalJson({ kind: 'flag', envId: 'env', flagId: 'f1' }, { traceparent }))).toEqual({
      kind: 'flag',
      envId: 'env',
      flagId: 'f1',
      traceparent,
    });
  });

  it('is read back by every change parser, outside the message value', () => {
    const fromFlag = parseFlagChangeMessage(flagChangeJson(flag, { traceparent, tracestate }));
    expect(fromFlag).toEqual({ ok: true, value: flag, trace: { traceparent, tracestate } });
    // The flag goes to the cache and, evaluated, to SDKs: it must not keep the fields.
    if (fromFlag.ok) expect(Object.keys(fromFlag.value)).not.toContain('traceparent');

    const fromSegment = parseSegmentChangeMessage(
      segmentChangeJson({ segment, affectedFlagIds: ['f1'] }, { traceparent }),
    );
    expect(fromSegment).toEqual({
      ok: true,
      value: { segment, affectedFlagIds: ['f1'] },
      trace: { traceparent },
    });

    const removal: RemovalMessage = { kind: 'environment', envIds: ['env'] };
    expect(parseRemovalMessage(removalJson(removal, { traceparent }))).toEqual({
      ok: true,
      value: removal,
      trace: { traceparent },
    });
  });

  it('is optional: messages written without it parse as before, with no trace key', () => {
    for (const result of [
      parseFlagChangeMessage(flagChangeJson(flag)),
      parseSegmentChangeMessage(segmentChangeJson({ segment, affectedFlagIds: [] })),
      parseRemovalMessage(removalJson({ kind: 'relay-proxy', relayProxyIds: ['r'] })),
    ]) {
      expect(result.ok).toBe(true);
      expect('trace' in result).toBe(false);
    }
  });

  it('ignores a malformed context without refusing the message, and still strips it from the flag', () => {
    for (const bad of [
      'not-a-traceparent',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      42,
    ]) {
      const result = parseFlagChangeMessage({ ...flag, traceparent: bad, tracestate });
      expect(result).toEqual({ ok: true, value: flag });
      if (result.ok) expect(Object.keys(result.value)).not.toContain('tracestate');
    }
  });

  it('keeps a tracestate only within its bound', () => {
    expect(readTraceContext({ traceparent, tracestate: 'a'.repeat(512) })).toEqual({
      traceparent,
      tracestate: 'a'.repeat(512),
    });
    expect(readTraceContext({ traceparent, tracestate: 'a'.repeat(513) })).toEqual({ traceparent });
    expect(readTraceContext({ traceparent, tracestate: '' })).toEqual({ traceparent });
    expect(readTraceContext({})).toBeUndefined();
  });
});
