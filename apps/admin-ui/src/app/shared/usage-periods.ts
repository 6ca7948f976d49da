// The workspace Usage page's periods. The server counts per UTC day (src/core/analytics/usage.ts),
// so every range is a pair of inclusive UTC dates; the comparison period has the same number of days
// and ends the day before the period starts.

export interface UsagePeriod {
  id: string;
  label: string;
}

export const USAGE_PERIODS: readonly UsagePeriod[] = [
  { id: 'this-month', label: $localize`:time period:This month` },
  { id: 'last-month', label: $localize`:time period:Last month` },
  { id: '7d', label: $localize`:time period:Last 7 days` },
  { id: '30d', label: $localize`:time period:Last 30 days` },
  { id: '90d', label: $localize`:time period:Last 90 days` },
];

export interface UsageRange {
  startDate: string;
  endDate: string;
  prevStartDate: string;
  prevEndDate: string;
}

const DAY_MS = 24 * 3600_000;

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function usageRange(periodId: string, now: number): UsageRange {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const d = new Date(today);
  let start: number;
  let end = today;
  switch (periodId) {
    case 'last-month':
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
      end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - DAY_MS;
      break;
    case '7d':
    case '30d':
    case '90d':
      start = today - (parseInt(periodId, 10) - 1) * DAY_MS;
      break;
    default:
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  const prevEnd = start - DAY_MS;
  return {
    startDate: isoDate(start),
    endDate: isoDate(end),
    prevStartDate: isoDate(prevEnd - (end - start)),
    prevEndDate: isoDate(prevEnd),
  };
}

/** Change against the previous period in percent; null when there was nothing before to compare. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return ((current - previous) / previous) * 100;
}

/** "+12.5%", "−3%", "0%", or "new" when the previous period had none. */
export function formatChange(change: number | null): string {
  if (change === null) return $localize`:usage change, no previous usage:new`;
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

/** Every day of the range in order, a day without usage as zeros (the server lists only days with some). */
export function everyDay<T extends { date: string }>(
  range: Pick<UsageRange, 'startDate' | 'endDate'>,
  days: readonly T[],
  zero: (date: string) => T,
): T[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out: T[] = [];
  for (let t = Date.parse(range.startDate); t <= Date.parse(range.endDate); t += DAY_MS) {
    const date = isoDate(t);
    out.push(byDate.get(date) ?? zero(date));
  }
  return out;
}
