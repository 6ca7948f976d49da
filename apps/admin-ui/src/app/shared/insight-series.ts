import type { FlagInsights } from '../api/insights.api';
import type { ChartSeries } from '../ui/line-chart/line-chart.component';
import { buildCsv } from './csv';
import { bucketLabel, type InsightInterval } from './insight-periods';

/** What the Insights chart counts: evaluations, or distinct users evaluated. */
export type InsightMetric = 'count' | 'users';

export interface InsightChart {
  labels: string[];
  series: ChartSeries[];
}

/** One line per variation (in the summary's order, then any only in the series) plus "Total". */
export function insightChart(
  insights: FlagInsights,
  metric: InsightMetric,
  interval: InsightInterval,
  timeZone: string,
): InsightChart {
  const variations = new Map<string, string>();
  for (const v of insights.summary.variations) variations.set(v.variationId, v.variation);
  for (const bucket of insights.series)
    for (const v of bucket.variations)
      if (!variations.has(v.variationId)) variations.set(v.variationId, v.variation);

  const series: ChartSeries[] = [...variations].map(([id, name]) => ({
    label: name,
    data: insights.series.map((b) => b.variations.find((v) => v.variationId === id)?.[metric] ?? 0),
  }));
  series.push({
    label: $localize`:chart line, all variations:Total`,
    data: insights.series.map((b) => b.total[metric]),
  });
  return { labels: insights.series.map((b) => bucketLabel(b.time, interval, timeZone)), series };
}

/** "On: 3 | Off: 1 | Total: 4" */
export function summaryLine(insights: FlagInsights, metric: InsightMetric): string {
  const parts = insights.summary.variations.map((v) => `${v.variation}: ${v[metric]}`);
  parts.push($localize`:insights summary:Total: ${insights.summary.total[metric]}:count:`);
  return parts.join(' | ');
}

/** The chart as shown: a Time column of the x labels, then one column per line. */
export function chartCsv(chart: InsightChart): string {
  return buildCsv(
    [$localize`:CSV column:Time`, ...chart.series.map((s) => s.label)],
    chart.labels.map((label, i) => [label, ...chart.series.map((s) => s.data[i])]),
  );
}
