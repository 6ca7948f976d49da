import {
  alphaOf,
  confidenceLabel,
  formatInterval,
  formatPercent,
  liftChart,
  metricTypeTag,
  readAnalysis,
  readGuard,
  readHistory,
  resultRows,
  type ResultInput,
} from './experiment-results';

const variations = [
  { id: 'a', name: 'Control' },
  { id: 'b', name: 'Treatment' },
  { id: 'c', name: 'Unused' },
];

describe('experiment results', () => {
  it('turns confidence levels into alpha and back', () => {
    expect(alphaOf(95)).toBe(0.05);
    expect(alphaOf(99)).toBe(0.01);
    expect(alphaOf(80)).toBe(0.2);
    expect(confidenceLabel(0.05)).toBe('95%');
    expect(confidenceLabel(0.02)).toBe('98%');
  });

  it('tags metrics by event type and tracking option', () => {
    expect(metricTypeTag(1, 1)).toBe('Custom: Conversion rate');
    expect(metricTypeTag(1, 2)).toBe('Custom: Numeric');
    expect(metricTypeTag(2, 0)).toBe('Page view: Conversion rate');
    expect(metricTypeTag(3, 0)).toBe('Click: Conversion rate');
  });

  it('formats fractions as percentages, lifts signed', () => {
    expect(formatPercent('0.2')).toBe('20.00%');
    expect(formatPercent('0.25', 1, true)).toBe('+25.0%');
    expect(formatPercent(-0.031, 2, true)).toBe('-3.10%');
    expect(formatPercent(null)).toBe('--');
    expect(formatInterval(['-0.05', '0.5'])).toBe('[-5.00%, +50.00%]');
    expect(formatInterval(null)).toBe('--');
  });

  it('builds one row per variation in the flag order, the baseline merged and missing ones dashed', () => {
    const results: ResultInput[] = [
      {
        variationId: 'b',
        uniqueUsers: 100,
        conversion: 25,
        conversionRate: '0.25',
        confidenceInterval: ['0.1', '0.4'],
        effectSize: '0.25',
        pValue: '0.012',
        isBaseline: false,
        isWinner: true,
        isInvalid: false,
        reason: '',
        bayesian: { chanceToBeatBaseline: 0.987, expectedLoss: 0.0004, credibleInterval: [0.08, 0.42] },
      },
      {
        variationId: 'a',
        uniqueUsers: 100,
        conversion: 20,
        conversionRate: '0.2',
        confidenceInterval: ['0', '0'],
        effectSize: '0',
        pValue: '1',
        isBaseline: true,
        isWinner: false,
        isInvalid: false,
        reason: 'is baseline',
      },
    ];
    const rows = resultRows(variations, results, true, '');
    expect(rows.map((r) => [r.name, r.users, r.value, r.change, r.verdict])).toEqual([
      ['Control', '20 / 100', '20.00%', '--', 'baseline'],
      ['Treatment', '25 / 100', '25.00%', '+25.00%', 'winner'],
      ['Unused', '--', '--', '--', 'no-data'],
    ]);
    expect(rows[1]).toMatchObject({
      interval: '[+10.00%, +40.00%]',
      pValue: '0.012',
      chanceToBeat: '98.7%',
      credible: '[+8.00%, +42.00%]',
    });
  });

  it('shows numeric metrics as users with events and an average with its unit', () => {
    const rows = resultRows(
      [{ id: 'a', name: 'A' }],
      [
        {
          variationId: 'a',
          totalEvents: 42,
          average: '12.3456',
          confidenceInterval: null,
          effectSize: null,
          pValue: null,
          isBaseline: false,
          isWinner: false,
          isInvalid: true,
          reason: 'sample size is too small',
        },
      ],
      false,
      'USD',
    );
    expect(rows[0]).toMatchObject({ users: '42', value: '12.35 USD', verdict: 'not-significant' });
  });

  it('reads the analysis, the history and the guard defensively', () => {
    expect(
      readAnalysis({
        method: 'sequential',
        alpha: 0.05,
        correction: 'none',
        srm: { mismatch: true, pValue: 0.0001 },
      }),
    ).toEqual({
      method: 'sequential',
      alpha: 0.05,
      correction: 'none',
      srm: { mismatch: true, pValue: 0.0001 },
    });
    expect(readAnalysis(null)).toBeNull();
    expect(readHistory([{ at: 'x' }, 3, { at: '2026-12-06T10:00:00Z', results: [] }])).toEqual([
      { at: '2026-12-06T10:00:00Z', results: [] },
    ]);
    expect(readGuard({ guard: { status: 'RolledBack', reason: 'Errors +40%', ruleId: null } })).toEqual({
      status: 'RolledBack',
      reason: 'Errors +40%',
      ruleId: null,
    });
    expect(readGuard({ guard: null })).toBeNull();
  });

  it('charts the lift of each treatment and its interval over time, in percent', () => {
    const history = readHistory([
      {
        at: '2026-12-06T10:00:00Z',
        results: [
          { variationId: 'a', effectSize: '0', confidenceInterval: ['0', '0'] },
          { variationId: 'b', effectSize: '0.1', confidenceInterval: ['-0.05', '0.25'] },
        ],
      },
      {
        at: '2026-12-06T11:00:00Z',
        results: [{ variationId: 'b', effectSize: '0.12345', confidenceInterval: ['0.01', '0.2'] }],
      },
    ]);
    const chart = liftChart(history, variations.slice(0, 2), 'a');
    expect(chart.labels).toEqual(['Dec 6, 10:00 AM', 'Dec 6, 11:00 AM']);
    expect(chart.series).toEqual([
      { label: 'Treatment: lift %', data: [10, 12.35] },
      { label: 'Treatment: interval low %', data: [-5, 1] },
      { label: 'Treatment: interval high %', data: [25, 20] },
    ]);
  });
});
