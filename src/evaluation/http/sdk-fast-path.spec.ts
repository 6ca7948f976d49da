import { MAX_JSON_DEPTH } from '../../core/json/bounded-json';
import { matchRoute, parseJsonBody, parseQuery } from './sdk-fast-path';

describe('SDK fast path: which requests it takes', () => {
  it('matches the hot routes case-insensitively, with or without a trailing slash', () => {
    expect(matchRoute('POST', '/api/public/featureflag/evaluate')?.kind).toBe('evaluate');
    expect(matchRoute('POST', '/API/Public/FeatureFlag/Evaluate/')?.kind).toBe('evaluate');
    expect(matchRoute('POST', '/api/public/sdk/client/latest-all?timestamp=5')).toEqual({
      kind: 'client-latest',
      key: '',
      query: { timestamp: '5' },
    });
    expect(matchRoute('GET', '/api/public/sdk/server/latest-all')?.kind).toBe('server-latest');
    expect(matchRoute('POST', '/ofrep/v1/evaluate/flags')?.kind).toBe('ofrep-bulk');
    expect(matchRoute('POST', '/ofrep/v1/evaluate/flags/')?.kind).toBe('ofrep-bulk');
  });

  it('keeps the OFREP key as written (only the route is case-insensitive)', () => {
    expect(matchRoute('POST', '/OFREP/v1/evaluate/flags/My.Flag_1-x')).toEqual({
      kind: 'ofrep-single',
      key: 'My.Flag_1-x',
      query: {},
    });
  });

  it('leaves everything unusual to Fastify', () => {
    expect(matchRoute('HEAD', '/api/public/sdk/server/latest-all')).toBeNull();
    expect(matchRoute('OPTIONS', '/api/public/featureflag/evaluate')).toBeNull();
    expect(matchRoute('GET', '/api/public/featureflag/evaluate')).toBeNull();
    expect(matchRoute('POST', '/api/public/insight/track')).toBeNull();
    expect(matchRoute('POST', '/ofrep/v1/evaluate/flags/a%2Fb')).toBeNull();
    expect(matchRoute('POST', '/ofrep/v1/evaluate/flags/a/b')).toBeNull();
    expect(matchRoute('POST', `/ofrep/v1/evaluate/flags/${'k'.repeat(501)}`)).toBeNull();
    expect(matchRoute('POST', '/api//public/featureflag/evaluate')).toBeNull();
    expect(matchRoute('GET', '/api/public/sdk/server/latest-all?timestamp=%31')).toBeNull();
  });

  it('reads the timestamp query like Fastify: repeated names give an array', () => {
    expect(parseQuery('timestamp=12')).toEqual({ timestamp: '12' });
    expect(parseQuery('a=1&timestamp=3&timestamp=4')).toEqual({ timestamp: ['3', '4'] });
    expect(parseQuery('timestamp')).toEqual({ timestamp: '' });
    expect(parseQuery('other=x')).toEqual({});
    expect(parseQuery('timestamp=1+2')).toBeNull();
  });
});

describe('SDK fast path: JSON bodies', () => {
  it('parses JSON (a leading BOM is ignored)', () => {
    expect(parseJsonBody('{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
    expect(parseJsonBody('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody('null')).toEqual({ ok: true, value: null });
  });

  it('refuses what the JSON parser of Fastify refuses', () => {
    expect(parseJsonBody('{bad').ok).toBe(false);
    expect(parseJsonBody('   ').ok).toBe(false);
    expect(parseJsonBody('{"user":{"__proto__":{"admin":true}}}').ok).toBe(false);
    expect(parseJsonBody('{"\\u005f_proto__":1}').ok).toBe(false);
    expect(parseJsonBody('[{"constructor":{"prototype":{"x":1}}}]').ok).toBe(false);
  });

  it('refuses bodies nested deeper than MAX_JSON_DEPTH as too deep', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(parseJsonBody(`{"user":{"keyId":"u"},"filter":{"tagFilterMode":${deep}}}`)).toEqual({
      ok: false,
      tooDeep: true,
    });
    const atBound = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonBody(atBound).ok).toBe(true);
  });

  it('accepts those words as values or without a prototype', () => {
    expect(parseJsonBody('{"name":"__proto__"}').ok).toBe(true);
    expect(parseJsonBody('{"constructor":{"name":"x"}}').ok).toBe(true);
    expect(parseJsonBody('{"constructor":"text"}').ok).toBe(true);
  });
});
