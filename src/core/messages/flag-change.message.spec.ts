import { MAX_JSON_DEPTH } from '../json/bounded-json';
import type { FeatureFlag } from '../flags/feature-flag';
import { flagChangeJson, parseFlagChangeMessage } from './flag-change.message';

const flag = {
  id: 'f1',
  envId: 'env',
  key: 'dark-mode',
  updatedAt: '2024-01-01T00:00:00.000Z',
  isEnabled: true,
} as unknown as FeatureFlag;

const deep = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
};

describe('featbit-feature-flag-change message', () => {
  it('is the flag document, read back from its text or a decoded value', () => {
    const json = flagChangeJson(flag);
    expect(json).toBe(JSON.stringify(flag));
    expect(parseFlagChangeMessage(json)).toEqual({ ok: true, value: flag });
    expect(parseFlagChangeMessage(JSON.parse(json))).toEqual({ ok: true, value: flag });
  });

  it('refuses a wrong shape', () => {
    for (const payload of [null, 42, 'not json', '[1]', [flag], { ...flag, id: 7 }]) {
      const result = parseFlagChangeMessage(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^featbit-feature-flag-change: /);
    }
  });

  it('refuses a document nested too deep, as text or as a value', () => {
    const value = { ...flag, variations: deep(MAX_JSON_DEPTH + 1) };
    expect(parseFlagChangeMessage(value)).toEqual({
      ok: false,
      error: `featbit-feature-flag-change: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
    expect(parseFlagChangeMessage(JSON.stringify(value)).ok).toBe(false);
  });

  it('names a missing field', () => {
    const { updatedAt: _, ...rest } = flag;
    expect(parseFlagChangeMessage(rest)).toEqual({
      ok: false,
      error: 'featbit-feature-flag-change: updatedAt must be a string',
    });
  });
});
