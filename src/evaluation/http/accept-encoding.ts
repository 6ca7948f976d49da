// Content negotiation for SDK answers (issue 22): which coding a caller accepts. Pure; the
// compressed bodies themselves are in src/evaluation/environments/encoded-body.ts.

export type ContentCoding = 'br' | 'gzip' | 'identity';

const ACCEPT_ENTRY = /^([a-z0-9!#$%&'*+.^_`|~-]+)\s*(;.*)?$/i;
const Q_PARAM = /;\s*q\s*=\s*([^;\s]*)/i;
const Q_VALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The coding to answer with for an `Accept-Encoding` header (RFC 9110 §12.5.3): the acceptable
 * coding with the highest q-value, `br` before `gzip` before `identity` when equal. `*` stands for
 * every coding not listed; identity is acceptable unless excluded (`identity;q=0`, or `*;q=0`
 * without it). An absent header means no preference: plain. When nothing is acceptable the header
 * is disregarded (plain) rather than answered with 406: an SDK is better served with bytes.
 */
export function negotiateEncoding(header: string | string[] | undefined): ContentCoding {
  if (header === undefined) return 'identity';
  const text = Array.isArray(header) ? header.join(',') : header;
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const match = ACCEPT_ENTRY.exec(part.trim());
    if (match === null) continue;
    const qParam = Q_PARAM.exec(match[2] ?? '');
    // A malformed weight makes the entry unreadable: it is ignored rather than guessed at.
    if (qParam !== null && !Q_VALUE.test(qParam[1])) continue;
    const value = qParam === null ? 1 : Number(qParam[1]);
    const coding = match[1].toLowerCase() === 'x-gzip' ? 'gzip' : match[1].toLowerCase();
    q.set(coding, Math.max(q.get(coding) ?? 0, value));
  }
  const star = q.get('*');
  // Identity not listed is acceptable but least preferred: any acceptable coding beats it.
  const qOf = (coding: ContentCoding) =>
    q.get(coding) ?? star ?? (coding === 'identity' ? Number.MIN_VALUE : 0);
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    const value = qOf(coding);
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
}
