// Value parsers for the section tables, on class-validator's validation functions. The messages
// are the ones operators and tests already rely on.

import { resolve } from 'node:path';
import { isIn, isInt, max, min, minLength } from 'class-validator';
import type { EnvParser, ParseResult } from './env-variable.types';

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (message: string): ParseResult<never> => ({ ok: false, message });

/** Any non-empty text (values are trimmed; an empty value counts as unset). */
export function text(minChars = 0): EnvParser<string> {
  return {
    parse: (raw) =>
      minChars === 0 || minLength(raw, minChars)
        ? ok(raw)
        : fail(`must be at least ${minChars} characters long`),
  };
}

/** An integer within bounds; `1e3` and `0x10` are numbers too, as Number() reads them. */
export function int(lowest: number, highest: number): EnvParser<number> {
  return {
    parse: (raw) => {
      const value = Number(raw);
      return isInt(value) && min(value, lowest) && max(value, highest)
        ? ok(value)
        : fail(`must be an integer between ${lowest} and ${highest}`);
    },
  };
}

/** One of a closed set of values. */
export function oneOf<const V extends string>(values: readonly V[]): EnvParser<V> {
  return {
    allowed: values,
    parse: (raw) => (isIn(raw, values) ? ok(raw as V) : fail(`must be one of ${values.join(', ')}`)),
  };
}

/** `true` or `false`. */
export function bool(): EnvParser<boolean> {
  const parser = oneOf(['true', 'false']);
  return {
    allowed: parser.allowed,
    parse: (raw, context) => {
      const result = parser.parse(raw, context);
      return result.ok ? ok(result.value === 'true') : result;
    },
  };
}

/** A comma list, blanks dropped. */
export function list(): EnvParser<readonly string[]> {
  return {
    parse: (raw) =>
      ok(
        raw
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
  };
}

/** An http(s) URL, without trailing slashes. */
export function httpUrl(): EnvParser<string> {
  return {
    parse: (raw) =>
      /^https?:\/\/[^\s]+$/.test(raw) ? ok(raw.replace(/\/+$/, '')) : fail('must be an http(s) URL'),
  };
}

/** A directory, relative ones resolved against the working directory. */
export function path(): EnvParser<string> {
  return { parse: (raw, context) => ok(resolve(context.cwd, raw)) };
}

/** A number from 0 to 1 (a sampling ratio). */
export function ratio(): EnvParser<number> {
  return {
    parse: (raw) => {
      const value = Number(raw);
      return raw !== '' && min(value, 0) && max(value, 1) ? ok(value) : fail('must be a number from 0 to 1');
    },
  };
}
