// FeatBit's streaming token as every SDK builds it (docs/reference/wire-protocol.md#building-a-token),
// written here independently of the server's decoder so that a bug on one side cannot hide in the other.

const ALPHABET = 'QBWSPHDXZU';

function enc(n: number, width: number): string {
  const digits = String(n).padStart(width, '0').slice(-width);
  let out = '';
  for (let i = 0; i < digits.length; i++) out += ALPHABET[digits.charCodeAt(i) - 48];
  return out;
}

/** A fresh token for one connection attempt (random insertion point, current time in ms). */
export function streamingToken(secret: string, now = Date.now()): string {
  const s = secret.replace(/=+$/, '');
  const t = String(now);
  const p = Math.max(Math.floor(Math.random() * s.length), 2);
  return enc(p, 3) + enc(t.length, 2) + s.slice(0, p) + enc(now, t.length) + s.slice(p);
}
