import { displayLocale } from './locale';

// The flag Insights tab's period and interval choices, as FeatBit's console offers them
// (modules/front-end/src/app/features/safe/feature-flags/details/insights/types.ts): each period
// allows some bucket sizes, the first being the default.

export type InsightInterval = 'MINUTE' | 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

export interface InsightPeriod {
  id: string;
  label: string;
  intervals: readonly InsightInterval[];
  /** How far back from `to` the range starts. */
  span: { minutes: number } | { months: number };
}

export const INSIGHT_PERIODS: readonly InsightPeriod[] = [
  { id: '30m', label: $localize`:time period:Last 30 minutes`, intervals: ['MINUTE'], span: { minutes: 30 } },
  {
    id: '2h',
    label: $localize`:time period:Last 2 hours`,
    intervals: ['HOUR', 'MINUTE'],
    span: { minutes: 120 },
  },
  {
    id: '24h',
    label: $localize`:time period:Last 24 hours`,
    intervals: ['HOUR'],
    span: { minutes: 24 * 60 },
  },
  {
    id: '7d',
    label: $localize`:time period:Last 7 days`,
    intervals: ['DAY'],
    span: { minutes: 7 * 24 * 60 },
  },
  {
    id: '14d',
    label: $localize`:time period:Last 14 days`,
    intervals: ['DAY'],
    span: { minutes: 14 * 24 * 60 },
  },
  { id: '1M', label: $localize`:time period:Last month`, intervals: ['DAY', 'WEEK'], span: { months: 1 } },
  {
    id: '2M',
    label: $localize`:time period:Last 2 months`,
    intervals: ['DAY', 'WEEK', 'MONTH'],
    span: { months: 2 },
  },
  {
    id: '6M',
    label: $localize`:time period:Last 6 months`,
    intervals: ['DAY', 'WEEK', 'MONTH'],
    span: { months: 6 },
  },
  {
    id: '12M',
    label: $localize`:time period:Last 12 months`,
    intervals: ['DAY', 'WEEK', 'MONTH'],
    span: { months: 12 },
  },
];

export const INTERVAL_LABELS: Readonly<Record<InsightInterval, string>> = {
  MINUTE: $localize`:insights interval:Minute`,
  HOUR: $localize`:insights interval:Hour`,
  DAY: $localize`:insights interval:Day`,
  WEEK: $localize`:insights interval:Week`,
  MONTH: $localize`:insights interval:Month`,
};

export function insightPeriod(id: string): InsightPeriod {
  return INSIGHT_PERIODS.find((p) => p.id === id) ?? INSIGHT_PERIODS[0];
}

/**
 * The query range in ms. FeatBit ends it at the start of the current minute; here `to` is the end of
 * the current minute, so an evaluation made just now shows on the next refresh.
 */
export function insightRange(period: InsightPeriod, now: number): { from: number; to: number } {
  const to = Math.floor(now / 60_000) * 60_000 + 60_000;
  if ('minutes' in period.span) return { from: to - period.span.minutes * 60_000, to };
  const from = new Date(to);
  from.setUTCMonth(from.getUTCMonth() - period.span.months);
  return { from: from.getTime(), to };
}

/** The browser's IANA time zone, sent with the query and used for the labels. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const LABEL_FORMATS: Readonly<Record<InsightInterval, Intl.DateTimeFormatOptions>> = {
  MINUTE: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  HOUR: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  DAY: { month: 'short', day: 'numeric' },
  WEEK: { month: 'short', day: 'numeric' },
  MONTH: { year: 'numeric', month: 'short' },
};

/** A bucket start (UTC ISO) as the chart's x label, in the given time zone. */
export function bucketLabel(iso: string, interval: InsightInterval, timeZone: string): string {
  return new Intl.DateTimeFormat(displayLocale(), { ...LABEL_FORMATS[interval], timeZone }).format(
    new Date(iso),
  );
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

/** An instant (ISO) as the end-user table shows it, in the given time zone: "Dec 6, 2026, 10:11:12". */
export function dateTimeLabel(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms)
    ? iso
    : new Intl.DateTimeFormat(displayLocale(), { ...DATE_TIME, timeZone }).format(ms);
}
