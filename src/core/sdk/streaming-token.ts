// FeatBit's streaming token (docs/reference/wire-protocol.md#streaming-token): the environment secret with
// the current time (Unix ms) spliced in, both lengths written with a digit alphabet in a 5-char header.
//   token = enc(position, 3) + enc(length, 2) + secret[0:position] + enc(timestamp, length) + secret[position:]

/** Digit d is written as TOKEN_ALPHABET[d]. */
export const TOKEN_ALPHABET = 'QBWSPHDXZU';
const DIGIT_OF = new Map([...TOKEN_ALPHABET].map((c, d) => [c, d]));

const SECRET_LENGTH = 44;
const HEADER_LENGTH = 5;
const BYTE_MAX = 255;

export interface DecodedStreamingToken {
  /** The secret as the server reads it (padded with '=' to a multiple of 4; 44 chars). */
  secret: string;
  /** Unix milliseconds the SDK put into the token. */
  timestamp: number;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Decodes alphabet digits into a number. An empty or blank span is 0 (as the server reads it);
 * any other character outside the alphabet makes the whole span invalid (null).
 */
export function decodeTokenNumber(text: string): number | null {
  if (isBlank(text)) return 0;
  let value = 0;
  for (const ch of text) {
    const digit = DIGIT_OF.get(ch);
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** `n` in decimal, left-padded with 0 and cut to its rightmost `width` digits, in the alphabet. */
export function encodeTokenNumber(n: number, width: number): string {
  const digits = String(Math.trunc(Math.abs(n)))
    .padStart(width, '0')
    .slice(-width);
  let out = '';
  for (const ch of digits) out += TOKEN_ALPHABET[ch.charCodeAt(0) - 48];
  return out;
}

/**
 * The structural part of the server's validation (steps 1–4 of
 * docs/reference/wire-protocol.md#reading-a-token): header, lengths, timestamp digits and a 44-char secret.
 * null when the token is malformed. Freshness and the secret's existence are checked by the caller.
 */
export function decodeStreamingToken(token: unknown): DecodedStreamingToken | null {
  if (typeof token !== 'string' || token.length < HEADER_LENGTH) return null;
  const position = decodeTokenNumber(token.slice(0, 3));
  const contentLength = decodeTokenNumber(token.slice(3, 5));
  if (position === null || contentLength === null || position > BYTE_MAX || contentLength > BYTE_MAX) {
    return null;
  }
  const payload = token.slice(HEADER_LENGTH);
  if (payload.length < position + contentLength) return null;
  const timestamp = decodeTokenNumber(payload.slice(position, position + contentLength));
  if (timestamp === null || !Number.isSafeInteger(timestamp)) return null;
  let secret = payload.slice(0, position) + payload.slice(position + contentLength);
  if (secret.length % 4 !== 0) secret = secret.padEnd(secret.length + 4 - (secret.length % 4), '=');
  if (secret.length !== SECRET_LENGTH) return null;
  return { secret, timestamp };
}

/** Step 6: the token time must be within ±`expirySeconds` of now. */
export function isTokenFresh(timestamp: number, nowMs: number, expirySeconds: number): boolean {
  return Math.abs(nowMs - timestamp) <= expirySeconds * 1000;
}

/**
 * Builds a token the way the SDKs do (docs/reference/wire-protocol.md#building-a-token). `random` returns a
 * number in [0, 1). Used by tests and load generators.
 */
export function buildStreamingToken(
  secret: string,
  nowMs: number,
  random: () => number = Math.random,
): string {
  const s = secret.replace(/=+$/, '');
  const time = String(Math.trunc(nowMs));
  const position = Math.max(Math.floor(random() * s.length), 2);
  return (
    encodeTokenNumber(position, 3) +
    encodeTokenNumber(time.length, 2) +
    s.slice(0, position) +
    encodeTokenNumber(Number(time), time.length) +
    s.slice(position)
  );
}
