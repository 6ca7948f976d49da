import { everyDay, formatChange, percentChange, usageRange } from './usage-periods';

const NOW = Date.UTC(2026, 2, 15, 23, 30); // 2026-03-15T23:30Z

describe('usage periods', () => {
  it('this month: from the 1st to today, against as many days before it', () => {
    expect(usageRange('this-month', NOW)).toEqual({
      startDate: '2026-03-01',
      endDate: '2026-03-15',
      prevStartDate: '2026-02-14',
      prevEndDate: '2026-02-28',
    });
  });

  it('last month: the whole previous calendar month, against as many days before it', () => {
    expect(usageRange('last-month', NOW)).toEqual({
      startDate: '2026-02-01',
      endDate: '2026-02-28',
      prevStartDate: '2026-01-04',
      prevEndDate: '2026-01-31',
    });
    // January looks back into the previous year.
    expect(usageRange('last-month', Date.UTC(2026, 0, 10))).toMatchObject({
      startDate: '2025-12-01',
      endDate: '2025-12-31',
    });
  });

  it('last N days: today included', () => {
    expect(usageRange('7d', NOW)).toEqual({
      startDate: '2026-03-09',
      endDate: '2026-03-15',
      prevStartDate: '2026-03-02',
      prevEndDate: '2026-03-08',
    });
    expect(usageRange('30d', NOW)).toMatchObject({ startDate: '2026-02-14', prevEndDate: '2026-02-13' });
    expect(usageRange('90d', NOW)).toMatchObject({ startDate: '2025-12-16', prevStartDate: '2025-09-17' });
  });
});

describe('percent change', () => {
  it('compares with the previous period', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(75, 100)).toBe(-25);
    expect(percentChange(100, 100)).toBe(0);
  });

  it('has no percentage against a zero previous period, unless both are zero', () => {
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(0, 0)).toBe(0);
  });

  it('reads as a signed percentage, "new" when there was nothing before', () => {
    expect(formatChange(50)).toBe('+50%');
    expect(formatChange(-25)).toBe('−25%');
    expect(formatChange(100 / 3)).toBe('+33.3%');
    expect(formatChange(0.01)).toBe('0%');
    expect(formatChange(null)).toBe('new');
  });
});

describe('daily trend', () => {
  it('lists every day of the range, zeros where the server has none', () => {
    const zero = (date: string) => ({ date, n: 0 });
    expect(
      everyDay({ startDate: '2026-02-27', endDate: '2026-03-02' }, [{ date: '2026-03-01', n: 5 }], zero),
    ).toEqual([
      { date: '2026-02-27', n: 0 },
      { date: '2026-02-28', n: 0 },
      { date: '2026-03-01', n: 5 },
      { date: '2026-03-02', n: 0 },
    ]);
  });
});
