import {
  jsonTextExceedsDepth,
  MAX_JSON_DEPTH,
  parseBoundedJson,
  tooDeepMessage,
  valueExceedsDepth,
} from './bounded-json';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('parseBoundedJson', () => {
  it('parses input up to the bound', () => {
    expect(parseBoundedJson(nestedArrays(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseBoundedJson(nestedObjects(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseBoundedJson('{"messageType":"ping","data":{}}')).toEqual({
      ok: true,
      value: { messageType: 'ping', data: {} },
    });
  });

  it('refuses deeper input, arrays or objects, before anything recurses on it', () => {
    for (const text of [
      nestedArrays(MAX_JSON_DEPTH + 1),
      nestedObjects(MAX_JSON_DEPTH + 1),
      `{"messageType":"echo","data":${nestedArrays(10_000)}}`,
    ]) {
      expect(parseBoundedJson(text)).toEqual({ ok: false, reason: 'depth', message: tooDeepMessage() });
    }
  });

  it('does not count brackets inside strings, including after escaped quotes', () => {
    const text = JSON.stringify({ s: '['.repeat(1000), t: '\\"{{{{' + '{'.repeat(500) });
    expect(parseBoundedJson(text)).toMatchObject({ ok: true });
  });

  it('honours a custom bound', () => {
    expect(parseBoundedJson('[[1]]', 1)).toMatchObject({ ok: false, reason: 'depth' });
    expect(parseBoundedJson('[[1]]', 2)).toMatchObject({ ok: true });
  });

  it('reports syntax errors as such', () => {
    expect(parseBoundedJson('{"a":')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(parseBoundedJson('')).toMatchObject({ ok: false, reason: 'syntax' });
  });

  it('scans unbalanced text without judging it', () => {
    expect(jsonTextExceedsDepth(']]]]' + nestedArrays(10))).toBe(false);
    expect(jsonTextExceedsDepth('['.repeat(MAX_JSON_DEPTH + 1))).toBe(true);
  });
});

describe('valueExceedsDepth', () => {
  it('measures parsed values iteratively, on any depth', () => {
    const deep = JSON.parse(nestedArrays(100_000)) as unknown;
    expect(valueExceedsDepth(deep)).toBe(true);
    expect(valueExceedsDepth(JSON.parse(nestedArrays(MAX_JSON_DEPTH)))).toBe(false);
    expect(valueExceedsDepth(JSON.parse(nestedObjects(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(valueExceedsDepth('text')).toBe(false);
    expect(valueExceedsDepth(null)).toBe(false);
  });
});
