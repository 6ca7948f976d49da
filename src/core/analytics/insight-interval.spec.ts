import { bucketBoundaries, bucketIndex, isKnownTimeZone, MAX_RANGE_MS, utcSeconds } from './insight-interval';

const iso = (ms: number): string => new Date(ms).toISOString();
const at = (text: string): number => Date.parse(text);

describe('bucketBoundaries', () => {
  it('cuts New York days at local midnight on both sides of the spring-forward change', () => {
    // 2026-03-08: EST (UTC-5) until 02:00 local, then EDT (UTC-4); that day lasts 23 hours.
    const b = bucketBoundaries(
      'DAY',
      at('2026-03-07T12:00:00Z'),
      at('2026-03-09T12:00:00Z'),
      'America/New_York',
    );
    expect(b.map(iso)).toEqual([
      '2026-03-07T05:00:00.000Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-10T04:00:00.000Z',
    ]);
  });

  it('starts Kolkata days at 18:30 UTC (a half-hour offset)', () => {
    const b = bucketBoundaries('DAY', at('2026-01-01T00:00:00Z'), at('2026-01-01T20:00:00Z'), 'Asia/Kolkata');
    expect(b.map(iso)).toEqual([
      '2025-12-31T18:30:00.000Z',
      '2026-01-01T18:30:00.000Z',
      '2026-01-02T18:30:00.000Z',
    ]);
  });

  it('starts weeks on Monday and months on the 1st', () => {
    // 2026-12-06 is a Sunday.
    expect(
      bucketBoundaries('WEEK', at('2026-12-06T10:00:00Z'), at('2026-12-07T10:00:00Z'), 'UTC').map(iso),
    ).toEqual(['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z', '2026-12-14T00:00:00.000Z']);
    expect(
      bucketBoundaries('MONTH', at('2026-01-31T23:00:00Z'), at('2026-03-01T00:00:00Z'), 'UTC').map(iso),
    ).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });

  it('gives n + 1 boundaries for n whole minutes and ends at `to` when `to` is a boundary', () => {
    const from = at('2026-12-06T10:00:00Z');
    const b = bucketBoundaries('MINUTE', from, from + 30 * 60_000, 'UTC');
    expect(b).toHaveLength(31);
    expect(b[30]).toBe(from + 30 * 60_000);
  });

  it('never exceeds about 1,500 buckets at the longest range each interval allows', () => {
    const from = at('2026-01-01T00:00:00Z');
    for (const interval of ['MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH'] as const) {
      expect(
        bucketBoundaries(interval, from, from + MAX_RANGE_MS[interval], 'UTC').length,
      ).toBeLessThanOrEqual(1_500);
    }
  });
});

describe('bucketIndex', () => {
  const b = [10, 20, 30, 40];
  it.each([
    [9, -1],
    [10, 0],
    [19, 0],
    [20, 1],
    [39, 2],
    [40, -1],
  ])('places %i in bucket %i', (ms, index) => {
    expect(bucketIndex(b, ms)).toBe(index);
  });
});

describe('time zones and formats', () => {
  it('knows IANA zones and refuses made-up or overlong names', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('x'.repeat(100))).toBe(false);
  });

  it("writes FeatBit's UTC seconds format", () => {
    expect(utcSeconds(at('2026-12-06T10:11:12.999Z'))).toBe('2026-12-06T10:11:12Z');
  });
});
