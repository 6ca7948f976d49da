import { normalizeProperties, samePropertyList } from './end-user-properties';

describe('normalizeProperties', () => {
  it('keeps one entry per name (the last), sorted by name, values as strings or null', () => {
    expect(
      normalizeProperties([
        { name: 'plan', value: 'free' },
        { name: 'age', value: null },
        { name: 'plan', value: 'pro' },
      ]),
    ).toEqual([
      { name: 'age', value: null },
      { name: 'plan', value: 'pro' },
    ]);
    expect(normalizeProperties(null)).toEqual([]);
  });

  it('makes reordered lists equal and real changes unequal', () => {
    const a = normalizeProperties([
      { name: 'x', value: '1' },
      { name: 'y', value: '2' },
    ]);
    const b = normalizeProperties([
      { name: 'y', value: '2' },
      { name: 'x', value: '1' },
    ]);
    expect(samePropertyList(a, b)).toBe(true);
    expect(samePropertyList(a, normalizeProperties([{ name: 'x', value: '1' }]))).toBe(false);
    expect(
      samePropertyList(
        a,
        normalizeProperties([
          { name: 'x', value: '1' },
          { name: 'y', value: null },
        ]),
      ),
    ).toBe(false);
  });
});
