// The two benchmark workloads in engine-neutral form; engines.ts translates them per engine.
//
// (a) rules: one flag, three rules of three conditions each, then a 50/50 percentage rollout.
// (b) segments: one flag whose rule targets three segments of 1,000 included users each.

export interface NeutralUser {
  key: string;
  country: string;
  plan: string;
  age: number;
  email: string;
  beta: boolean;
}

/** One rule: all three conditions must hold. The engines express them natively. */
export const RULES = [
  { name: 'enterprise', serve: 'r1' }, // country in [US, CA, GB] && plan == enterprise && age > 30
  { name: 'beta testers', serve: 'r2' }, // email ends with @example.com && beta && country != CN
  { name: 'emerging', serve: 'r3' }, // country in [BR, IN, MX, ID] && plan != free && age >= 18
] as const;

export const RULE1_COUNTRIES = ['US', 'CA', 'GB'];
export const RULE3_COUNTRIES = ['BR', 'IN', 'MX', 'ID'];

/** Which rule the neutral semantics select (0 = none: percentage rollout). */
export function expectedRule(u: NeutralUser): number {
  if (RULE1_COUNTRIES.includes(u.country) && u.plan === 'enterprise' && u.age > 30) return 1;
  if (u.email.endsWith('@example.com') && u.beta && u.country !== 'CN') return 2;
  if (RULE3_COUNTRIES.includes(u.country) && u.plan !== 'free' && u.age >= 18) return 3;
  return 0;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  'US',
  'CA',
  'GB',
  'DE',
  'FR',
  'CN',
  'JP',
  'BR',
  'IN',
  'MX',
  'ID',
  'AU',
  'ES',
  'IT',
  'NL',
  'SE',
];
const PLANS = ['free', 'free', 'free', 'pro', 'pro', 'enterprise'];
const DOMAINS = ['@example.com', '@mail.test', '@corp.test', '@gmail.test', '@yahoo.test'];

/** 1,000 users for workload (a): most fall through to the percentage rollout. */
export function ruleUsers(count = 1000): NeutralUser[] {
  const rnd = prng(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  return Array.from({ length: count }, (_, i) => ({
    key: `user-${i}-${Math.floor(rnd() * 1e9).toString(36)}`,
    country: pick(COUNTRIES),
    plan: pick(PLANS),
    age: 14 + Math.floor(rnd() * 60),
    email: `u${i}${pick(DOMAINS)}`,
    beta: rnd() < 0.3,
  }));
}

export interface SegmentWorkload {
  /** Three lists of 1,000 member keys. */
  segments: string[][];
  /** Users to evaluate: half members (spread over the three segments), half not. */
  users: NeutralUser[];
}

export function segmentWorkload(): SegmentWorkload {
  const segments = [0, 1, 2].map((s) => Array.from({ length: 1000 }, (_, i) => `member-${s}-${i}`));
  const rnd = prng(11);
  const users: NeutralUser[] = Array.from({ length: 6000 }, (_, i) => ({
    key: i % 2 === 0 ? segments[i % 3][Math.floor(rnd() * 1000)] : `visitor-${i}`,
    country: 'US',
    plan: 'pro',
    age: 40,
    email: `v${i}@mail.test`,
    beta: false,
  }));
  return { segments, users };
}
