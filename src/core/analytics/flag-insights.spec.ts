import { insightSeries, insightSummary } from './flag-insights';

const variations = [
  { id: 'a', name: 'On' },
  { id: 'b', name: 'Off' },
];
const H = 3600_000;
const t = Date.parse('2026-12-06T00:00:00Z');

describe('insightSeries', () => {
  it('lists every bucket and every variation by name in the flag order, 0 where absent', () => {
    const series = insightSeries(
      [t, t + H, t + 2 * H, t + 3 * H],
      {
        buckets: [
          {
            bucket: 1,
            counts: [
              { variationId: 'b', evaluations: 4, users: 2 },
              { variationId: null, evaluations: 4, users: 2 },
            ],
          },
        ],
        period: [],
      },
      variations,
    );
    expect(series.map((s) => s.time)).toEqual([
      '2026-12-06T00:00:00Z',
      '2026-12-06T01:00:00Z',
      '2026-12-06T02:00:00Z',
    ]);
    expect(series[0]).toEqual({
      time: '2026-12-06T00:00:00Z',
      variations: [
        { variation: 'On', variationId: 'a', count: 0, users: 0 },
        { variation: 'Off', variationId: 'b', count: 0, users: 0 },
      ],
      total: { count: 0, users: 0 },
    });
    expect(series[1].variations.map((v) => [v.variation, v.count, v.users])).toEqual([
      ['On', 0, 0],
      ['Off', 4, 2],
    ]);
    expect(series[1].total).toEqual({ count: 4, users: 2 });
  });

  it('keeps a variation the flag no longer has, under its id, after the flag order', () => {
    const summary = insightSummary(
      {
        buckets: [],
        period: [
          { variationId: 'zz', evaluations: 1, users: 1 },
          { variationId: 'a', evaluations: 2, users: 1 },
          { variationId: null, evaluations: 3, users: 1 },
        ],
      },
      variations,
    );
    expect(summary.variations.map((v) => v.variation)).toEqual(['On', 'Off', 'zz']);
    expect(summary.total).toEqual({ count: 3, users: 1 });
  });
});
