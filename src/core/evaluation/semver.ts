// Semantic Versioning 2.0.0 parsing and precedence (https://semver.org §11), for the additive
// SemVer* operators. A leading "v" or "V" is accepted (a common tag style); anything else that is
// not a valid semver, including surrounding whitespace, makes the condition false.

export interface SemVer {
  /** MAJOR, MINOR, PATCH as digit strings (no leading zeros), compared by length then text. */
  core: [string, string, string];
  /** Pre-release identifiers; empty for a release. Build metadata is dropped (no precedence). */
  pre: string[];
}

const SEMVER =
  /^[vV]?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

export function parseSemVer(text: string): SemVer | null {
  const m = SEMVER.exec(text);
  if (m === null) return null;
  return { core: [m[1], m[2], m[3]], pre: m[4] === undefined ? [] : m[4].split('.') };
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isNumeric(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Semver precedence: negative, zero or positive. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    const c = compareNumeric(a.core[i], b.core[i]);
    if (c !== 0) return c;
  }
  if (a.pre.length === 0 || b.pre.length === 0) {
    // A release ranks above any of its pre-releases.
    return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === y) continue;
    const xn = isNumeric(x);
    const yn = isNumeric(y);
    if (xn && yn) return compareNumeric(x, y);
    if (xn !== yn) return xn ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    return x < y ? -1 : 1; // ASCII order
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}
