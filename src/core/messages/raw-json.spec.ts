import { payloadJson, payloadValue, RawJson } from './raw-json';

describe('RawJson', () => {
  it('is published as its text, byte for byte', () => {
    const text = '{"b":1,"a":[1, 2]}';
    expect(payloadJson(new RawJson(text))).toBe(text);
    expect(payloadJson({ b: 1 })).toBe('{"b":1}');
  });

  it('is delivered in process as the value it encodes', () => {
    expect(payloadValue(new RawJson('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    const value = { a: 1 };
    expect(payloadValue(value)).toBe(value);
  });
});
