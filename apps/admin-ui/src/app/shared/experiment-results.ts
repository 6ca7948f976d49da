import type { ChartSeries } from '../ui/line-chart/line-chart.component';
import { displayLocale } from './locale';

// Pure helpers of the experiments console: labels, the results table's rows and the lift chart.
// Result fields and their units follow src/core/experiments/experiment-results.ts (rates, lifts and
// intervals are fractions; FeatBit sends most of them as strings).

/** Confidence levels offered when creating an experiment; alpha = 1 − level. */
export const CONFIDENCE_LEVELS: readonly number[] = [80, 90, 95, 98, 99];

export function alphaOf(levelPercent: number): number {
  return Math.round((100 - levelPercent) * 1000) / 100000;
}

export function confidenceLabel(alpha: number): string {
  return `${Math.round((1 - alpha) * 10000) / 100}%`;
}

export type AnalysisMethod = 'fixed' | 'sequential';

export const METHOD_LABELS: Readonly<Record<string, string>> = {
  sequential: $localize`:analysis method:Sequential`,
  fixed: $localize`:analysis method:Fixed horizon`,
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  NotStarted: $localize`:experiment status:Not started`,
  Recording: $localize`:experiment status:In progress`,
  Paused: $localize`:experiment status:Paused`,
};

/** FeatBit's metric event types: 1 Custom, 2 PageView, 3 Click. */
export const EVENT_TYPE_LABELS: Readonly<Record<number, string>> = {
  1: $localize`:metric event type:Custom`,
  2: $localize`:metric event type:Page view`,
  3: $localize`:metric event type:Click`,
};

/** Conversion unless a custom metric tracks a numeric value (customEventTrackOption 2). */
export function isConversionMetric(eventType: number, trackOption: number): boolean {
  return eventType !== 1 || trackOption !== 2;
}

/** The type tag shown beside a metric, e.g. "Custom: Conversion rate". */
export function metricTypeTag(eventType: number, trackOption: number): string {
  const type = EVENT_TYPE_LABELS[eventType] ?? EVENT_TYPE_LABELS[1];
  const measure = isConversionMetric(eventType, trackOption)
    ? $localize`:metric measure:Conversion rate`
    : $localize`:metric measure:Numeric`;
  return $localize`:metric type tag, event type and measure:${type}:eventType:: ${measure}:measure:`;
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A fraction as a percentage; `signed` puts + before a positive lift. "--" when absent. */
export function formatPercent(value: string | number | null | undefined, digits = 2, signed = false): string {
  const n = toNumber(value);
  if (n === null) return '--';
  const text = `${(n * 100).toFixed(digits)}%`;
  return signed && n > 0 ? `+${text}` : text;
}

export function formatInterval(interval: readonly (string | number)[] | null | undefined): string {
  if (!interval || interval.length !== 2) return '--';
  return `[${formatPercent(interval[0], 2, true)}, ${formatPercent(interval[1], 2, true)}]`;
}

export function formatNumber(value: string | number | null | undefined, digits = 4): string {
  const n = toNumber(value);
  return n === null ? '--' : String(Number(n.toFixed(digits)));
}

export interface SrmCheck {
  mismatch: boolean;
  pValue: number;
}

/** What the server says about how an iteration was analysed (the `analysis` object). */
export interface IterationAnalysis {
  method: string;
  alpha: number;
  correction: string;
  srm: SrmCheck | null;
}

export interface BayesianResult {
  chanceToBeatBaseline: number;
  expectedLoss: number;
  credibleInterval: [number, number];
}

export interface HistoryPoint {
  at: string;
  results: { variationId: string; effectSize: string | null; confidenceInterval: string[] | null }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The generated models type these objects as `{}`: they are read defensively field by field.
export function readAnalysis(raw: unknown): IterationAnalysis | null {
  if (!isRecord(raw)) return null;
  const srm = isRecord(raw['srm']) ? raw['srm'] : null;
  return {
    method: typeof raw['method'] === 'string' ? raw['method'] : '',
    alpha: typeof raw['alpha'] === 'number' ? raw['alpha'] : 0.05,
    correction: typeof raw['correction'] === 'string' ? raw['correction'] : 'none',
    srm: srm ? { mismatch: srm['mismatch'] === true, pValue: Number(srm['pValue']) } : null,
  };
}

export function readBayesian(raw: unknown): BayesianResult | null {
  if (!isRecord(raw)) return null;
  const ci = raw['credibleInterval'];
  if (typeof raw['chanceToBeatBaseline'] !== 'number' || !Array.isArray(ci) || ci.length !== 2) return null;
  return {
    chanceToBeatBaseline: raw['chanceToBeatBaseline'],
    expectedLoss: Number(raw['expectedLoss']),
    credibleInterval: [Number(ci[0]), Number(ci[1])],
  };
}

export function readHistory(raw: readonly unknown[] | undefined): HistoryPoint[] {
  return (raw ?? []).flatMap((p) => {
    if (!isRecord(p) || typeof p['at'] !== 'string' || !Array.isArray(p['results'])) return [];
    const results = (p['results'] as unknown[]).filter(isRecord).map((r) => ({
      variationId: String(r['variationId']),
      effectSize: typeof r['effectSize'] === 'string' ? r['effectSize'] : null,
      confidenceInterval: Array.isArray(r['confidenceInterval']) ? r['confidenceInterval'].map(String) : null,
    }));
    return [{ at: p['at'], results }];
  });
}

/** The fields of a variation's result this console reads (VariationResultDto). */
export interface ResultInput {
  variationId: string;
  uniqueUsers?: number;
  conversion?: number;
  conversionRate?: string;
  totalEvents?: number;
  average?: string;
  exposedUsers?: number;
  confidenceInterval: string[] | null;
  effectSize: string | null;
  pValue: string | null;
  isBaseline: boolean;
  isWinner: boolean;
  isInvalid: boolean;
  reason: string;
  bayesian?: unknown;
}

export interface ResultRow {
  variationId: string;
  name: string;
  isBaseline: boolean;
  /** Conversion: "conversions / users"; numeric: users with events. */
  users: string;
  /** Conversion rate in percent, or the average with its unit. */
  value: string;
  interval: string;
  change: string;
  pValue: string;
  chanceToBeat: string;
  expectedLoss: string;
  credible: string;
  verdict: 'baseline' | 'winner' | 'not-significant' | 'no-data';
  reason: string;
}

/** One row per flag variation in the flag's order; a variation without a result shows dashes. */
export function resultRows(
  variations: readonly { id: string; name: string }[],
  results: readonly ResultInput[],
  conversion: boolean,
  unit: string,
): ResultRow[] {
  return variations.map((v) => {
    const r = results.find((x) => x.variationId === v.id);
    if (!r) {
      return {
        variationId: v.id,
        name: v.name,
        isBaseline: false,
        users: '--',
        value: '--',
        interval: '--',
        change: '--',
        pValue: '--',
        chanceToBeat: '--',
        expectedLoss: '--',
        credible: '--',
        verdict: 'no-data',
        reason: '',
      };
    }
    const bayes = readBayesian(r.bayesian);
    const users = conversion
      ? `${r.conversion ?? 0} / ${r.uniqueUsers ?? r.exposedUsers ?? 0}`
      : String(r.totalEvents ?? 0);
    const value = conversion
      ? formatPercent(r.conversionRate)
      : `${formatNumber(r.average, 2)}${unit ? ' ' + unit : ''}`;
    return {
      variationId: v.id,
      name: v.name,
      isBaseline: r.isBaseline,
      users,
      value,
      interval: r.isBaseline ? '--' : formatInterval(r.confidenceInterval),
      change: r.isBaseline ? '--' : formatPercent(r.effectSize, 2, true),
      pValue: r.isBaseline ? '--' : formatNumber(r.pValue),
      chanceToBeat: r.isBaseline || !bayes ? '--' : formatPercent(bayes.chanceToBeatBaseline, 1),
      expectedLoss: r.isBaseline || !bayes ? '--' : formatPercent(bayes.expectedLoss, 3),
      credible: r.isBaseline || !bayes ? '--' : formatInterval(bayes.credibleInterval),
      verdict: r.isBaseline ? 'baseline' : r.isWinner ? 'winner' : 'not-significant',
      reason: r.reason,
    };
  });
}

const TIME_LABEL = new Intl.DateTimeFormat(displayLocale(), {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

function percentPoint(value: string | null | undefined): number {
  const n = toNumber(value);
  return n === null ? 0 : Math.round(n * 10000) / 100;
}

/**
 * The lift of each treatment over time with its interval's bounds, in percent: three lines per
 * treatment ("B: lift", "B: low", "B: high"). Times are UTC labels.
 */
export function liftChart(
  history: readonly HistoryPoint[],
  variations: readonly { id: string; name: string }[],
  baselineId: string,
): { labels: string[]; series: ChartSeries[] } {
  const labels = history.map((p) => TIME_LABEL.format(new Date(p.at)));
  const series = variations
    .filter((v) => v.id !== baselineId)
    .flatMap((v) => {
      const at = (p: HistoryPoint) => p.results.find((r) => r.variationId === v.id);
      return [
        {
          label: $localize`:lift chart line:${v.name}:variation:: lift %`,
          data: history.map((p) => percentPoint(at(p)?.effectSize)),
        },
        {
          label: $localize`:lift chart line:${v.name}:variation:: interval low %`,
          data: history.map((p) => percentPoint(at(p)?.confidenceInterval?.[0])),
        },
        {
          label: $localize`:lift chart line:${v.name}:variation:: interval high %`,
          data: history.map((p) => percentPoint(at(p)?.confidenceInterval?.[1])),
        },
      ];
    });
  return { labels, series };
}

export interface GuardState {
  status: string;
  reason: string;
  ruleId: string | null;
}

// `guard` is in the server's answer (src/core/experiments/experiments.ts, RolloutGuard) but not
// in the documented ExperimentViewDto, so it is read defensively.
export function readGuard(view: unknown): GuardState | null {
  if (!isRecord(view) || !isRecord(view['guard'])) return null;
  const g = view['guard'];
  return {
    status: typeof g['status'] === 'string' ? g['status'] : '',
    reason: typeof g['reason'] === 'string' ? g['reason'] : '',
    ruleId: typeof g['ruleId'] === 'string' ? g['ruleId'] : null,
  };
}
