import { MAX_JSON_DEPTH } from '../json/bounded-json';
import { parseRemovalMessage, type RemovalMessage, removalJson } from './removal.message';

describe('featbit-ts-removal message', () => {
  it('reads back every kind from its text or a decoded value', () => {
    const removals: RemovalMessage[] = [
      { kind: 'flag', envId: 'env', flagId: 'f1' },
      { kind: 'segment', envIds: ['e1', 'e2'], segmentId: 's1' },
      { kind: 'environment', envIds: ['e1'] },
    ];
    for (const removal of removals) {
      const json = removalJson(removal);
      expect(json).toBe(JSON.stringify(removal));
      expect(parseRemovalMessage(json)).toEqual({ ok: true, value: removal });
      expect(parseRemovalMessage(JSON.parse(json))).toEqual({ ok: true, value: removal });
    }
  });

  it('keeps only the fields of its kind', () => {
    expect(parseRemovalMessage({ kind: 'flag', envId: 'e', flagId: 'f', extra: 1 })).toEqual({
      ok: true,
      value: { kind: 'flag', envId: 'e', flagId: 'f' },
    });
  });

  it('refuses a wrong shape', () => {
    for (const payload of [
      null,
      'nope',
      [],
      { kind: 'project', envIds: [] },
      { kind: 'segment', envIds: 'e1', segmentId: 's1' },
      { kind: 'environment', envIds: [1] },
    ]) {
      const result = parseRemovalMessage(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^featbit-ts-removal: /);
    }
  });

  it('refuses a document nested too deep', () => {
    let envIds: unknown = [];
    for (let i = 0; i < MAX_JSON_DEPTH; i++) envIds = [envIds];
    expect(parseRemovalMessage({ kind: 'environment', envIds })).toEqual({
      ok: false,
      error: `featbit-ts-removal: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('refuses a missing field', () => {
    expect(parseRemovalMessage({ kind: 'flag', envId: 'e' })).toEqual({
      ok: false,
      error: 'featbit-ts-removal: a flag removal needs envId and flagId strings',
    });
    expect(parseRemovalMessage({ envIds: ['e'] }).ok).toBe(false);
  });
});
