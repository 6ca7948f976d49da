import type { FlagInsights } from '../api/insights.api';
import { chartCsv, insightChart, summaryLine } from './insight-series';

const insights: FlagInsights = {
  series: [
    {
      time: '2026-12-06T10:00:00Z',
      variations: [{ variation: 'On', variationId: 'on', count: 3, users: 2 }],
      total: { count: 3, users: 2 },
    },
    {
      time: '2026-12-06T10:01:00Z',
      variations: [
        { variation: 'On', variationId: 'on', count: 1, users: 1 },
        { variation: 'Off, legacy', variationId: 'off', count: 2, users: 1 },
      ],
      total: { count: 3, users: 2 },
    },
  ],
  summary: {
    variations: [
      { variation: 'On', variationId: 'on', count: 4, users: 2 },
      { variation: 'Off, legacy', variationId: 'off', count: 2, users: 1 },
    ],
    total: { count: 6, users: 3 },
  },
};

describe('insight series', () => {
  it('draws one line per variation plus Total, zero where a bucket has none', () => {
    expect(insightChart(insights, 'count', 'MINUTE', 'UTC')).toEqual({
      labels: ['10:00', '10:01'],
      series: [
        { label: 'On', data: [3, 1] },
        { label: 'Off, legacy', data: [0, 2] },
        { label: 'Total', data: [3, 3] },
      ],
    });
    expect(insightChart(insights, 'users', 'MINUTE', 'UTC').series.map((s) => s.data)).toEqual([
      [2, 1],
      [0, 1],
      [2, 2],
    ]);
  });

  it('summarizes the period per variation and in total', () => {
    expect(summaryLine(insights, 'count')).toBe('On: 4 | Off, legacy: 2 | Total: 6');
    expect(summaryLine(insights, 'users')).toBe('On: 2 | Off, legacy: 1 | Total: 3');
  });

  it('exports the chart as shown', () => {
    expect(chartCsv(insightChart(insights, 'count', 'MINUTE', 'UTC'))).toBe(
      'Time,On,"Off, legacy",Total\r\n10:00,3,0,3\r\n10:01,1,2,3\r\n',
    );
  });
});
