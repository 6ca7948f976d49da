import {
  serveError,
  evenSplit,
  partsToRollouts,
  rolloutsToParts,
  serveSingle,
  singleVariationOf,
  splitError,
  splitTotal,
} from './rollout';

const variations = [
  { id: 'on', name: 'On', value: 'true' },
  { id: 'off', name: 'Off', value: 'false' },
];

describe('percentage split', () => {
  it('turns 30/70 into adjacent bucket ranges ending at 1', () => {
    const rollouts = partsToRollouts([
      { variationId: 'on', percent: 30 },
      { variationId: 'off', percent: 70 },
    ]);
    expect(rollouts).toEqual([
      { id: 'on', rollout: [0, 0.3], exptRollout: 1 },
      { id: 'off', rollout: [0.3, 1], exptRollout: 1 },
    ]);
  });

  it('keeps thirds exact: 33.33 + 33.33 + 33.34 reaches 1', () => {
    const rollouts = partsToRollouts([
      { variationId: 'a', percent: 33.33 },
      { variationId: 'b', percent: 33.33 },
      { variationId: 'c', percent: 33.34 },
    ]);
    expect(rollouts[1].rollout).toEqual([0.3333, 0.6666]);
    expect(rollouts[2].rollout).toEqual([0.6666, 1]);
  });

  it('gives a trailing 0% part an empty range and lets the last real part end at 1', () => {
    const rollouts = partsToRollouts([
      { variationId: 'on', percent: 100 },
      { variationId: 'off', percent: 0 },
    ]);
    expect(rollouts[0].rollout).toEqual([0, 1]);
    expect(rollouts[1].rollout[1] - rollouts[1].rollout[0]).toBe(0);
  });

  it('reads stored rollouts back as percentages', () => {
    expect(
      rolloutsToParts([
        { id: 'on', rollout: [0, 0.3], exptRollout: 1 },
        { id: 'off', rollout: [0.3, 1], exptRollout: 1 },
      ]),
    ).toEqual([
      { variationId: 'on', percent: 30 },
      { variationId: 'off', percent: 70 },
    ]);
  });

  it('refuses parts that do not sum to 100, with the actual total', () => {
    expect(
      splitError([
        { variationId: 'on', percent: 30 },
        { variationId: 'off', percent: 60 },
      ]),
    ).toBe('The percentages add up to 90%, not 100%.');
    expect(splitTotal([{ variationId: 'on', percent: 30.5 }])).toBe(30.5);
  });

  it('refuses negative, over-100, three-decimal and duplicate parts', () => {
    expect(
      splitError([
        { variationId: 'on', percent: -10 },
        { variationId: 'off', percent: 110 },
      ]),
    ).toMatch(/between 0 and 100/);
    expect(
      splitError([
        { variationId: 'on', percent: 33.333 },
        { variationId: 'off', percent: 66.667 },
      ]),
    ).toMatch(/two decimals/);
    expect(
      splitError([
        { variationId: 'on', percent: 50 },
        { variationId: 'on', percent: 50 },
      ]),
    ).toMatch(/only once/);
    expect(splitError([])).toMatch(/at least one/);
  });

  it('accepts a valid split', () => {
    expect(
      splitError([
        { variationId: 'on', percent: 30 },
        { variationId: 'off', percent: 70 },
      ]),
    ).toBeNull();
  });

  it('splits evenly in whole percents, the remainder on the first variations', () => {
    expect(evenSplit(['a', 'b', 'c']).map((p) => p.percent)).toEqual([34, 33, 33]);
    expect(splitError(evenSplit(['a', 'b', 'c']))).toBeNull();
    expect(evenSplit(['a', 'b']).map((p) => p.percent)).toEqual([50, 50]);
  });

  it('recognises a single variation served to everyone', () => {
    expect(singleVariationOf(serveSingle('on'))).toBe('on');
    expect(
      singleVariationOf([
        { id: 'on', rollout: [0, 1], exptRollout: 1 },
        { id: 'off', rollout: [1, 1], exptRollout: 1 },
      ]),
    ).toBe('on');
    expect(
      singleVariationOf(
        partsToRollouts([
          { variationId: 'on', percent: 30 },
          { variationId: 'off', percent: 70 },
        ]),
      ),
    ).toBeNull();
  });

  it('checks what a rule serves before saving', () => {
    expect(serveError([], variations)).toBe('Choose what to serve.');
    expect(serveError(serveSingle('gone'), variations)).toMatch(/no longer exists/);
    expect(serveError(serveSingle('on'), variations)).toBeNull();
    expect(
      serveError(
        [
          { id: 'on', rollout: [0, 0.3], exptRollout: 1 },
          { id: 'off', rollout: [0.3, 0.9], exptRollout: 1 },
        ],
        variations,
      ),
    ).toBe('The percentages add up to 90%, not 100%.');
  });
});
