import { bucketLabel, dateTimeLabel, INSIGHT_PERIODS, insightPeriod, insightRange } from './insight-periods';

const NOW = Date.UTC(2026, 11, 6, 10, 11, 12, 345); // 2026-12-06T10:11:12.345Z

describe('insight periods', () => {
  it("offers FeatBit's periods with their intervals, the first being the default", () => {
    expect(INSIGHT_PERIODS.map((p) => [p.id, p.intervals.join('|')])).toEqual([
      ['30m', 'MINUTE'],
      ['2h', 'HOUR|MINUTE'],
      ['24h', 'HOUR'],
      ['7d', 'DAY'],
      ['14d', 'DAY'],
      ['1M', 'DAY|WEEK'],
      ['2M', 'DAY|WEEK|MONTH'],
      ['6M', 'DAY|WEEK|MONTH'],
      ['12M', 'DAY|WEEK|MONTH'],
    ]);
    expect(insightPeriod('unknown').id).toBe('30m');
  });

  it('ends the range with the current minute so an evaluation made now is inside it', () => {
    const { from, to } = insightRange(insightPeriod('30m'), NOW);
    expect(new Date(to).toISOString()).toBe('2026-12-06T10:12:00.000Z');
    expect(new Date(from).toISOString()).toBe('2026-12-06T09:42:00.000Z');
    // Exactly on a minute boundary the minute that starts now is included.
    expect(insightRange(insightPeriod('30m'), Date.UTC(2026, 11, 6, 10, 0)).to).toBe(
      Date.UTC(2026, 11, 6, 10, 1),
    );
  });

  it('goes back by hours, days or calendar months', () => {
    const iso = (id: string) => new Date(insightRange(insightPeriod(id), NOW).from).toISOString();
    expect(iso('2h')).toBe('2026-12-06T08:12:00.000Z');
    expect(iso('24h')).toBe('2026-12-05T10:12:00.000Z');
    expect(iso('7d')).toBe('2026-11-29T10:12:00.000Z');
    expect(iso('14d')).toBe('2026-11-22T10:12:00.000Z');
    expect(iso('1M')).toBe('2026-11-06T10:12:00.000Z');
    expect(iso('6M')).toBe('2026-06-06T10:12:00.000Z');
    expect(iso('12M')).toBe('2025-12-06T10:12:00.000Z');
  });

  it('labels buckets in the given time zone at the precision of the interval', () => {
    const t = '2026-12-06T10:05:00Z';
    expect(bucketLabel(t, 'MINUTE', 'UTC')).toBe('10:05');
    expect(bucketLabel(t, 'MINUTE', 'Asia/Kolkata')).toBe('15:35');
    expect(bucketLabel(t, 'HOUR', 'Europe/Paris')).toBe('Dec 6, 11:05');
    expect(bucketLabel(t, 'DAY', 'UTC')).toBe('Dec 6');
    expect(bucketLabel(t, 'MONTH', 'UTC')).toBe('Dec 2026');
    expect(dateTimeLabel('2026-12-06T10:11:12.000Z', 'UTC')).toBe('Dec 6, 2026, 10:11:12');
    expect(dateTimeLabel('not a date', 'UTC')).toBe('not a date');
  });
});
