// Keys derived from display names, for FeatBit's onboarding, which takes names only
// (Application/Organizations/Onboarding.cs): lower case, runs of other characters become '-'.

const KEY_MAX = 128;

/** A key (`[a-z0-9._-]`, at most 128 characters) for a name; `fallback` when nothing usable is left. */
export function keyFromName(name: string, fallback: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, KEY_MAX)
    .replace(/-+$/, '');
  return key || fallback;
}

/** Distinct keys for a list of names: a repeated key gets `-2`, `-3`… */
export function distinctKeys(names: readonly string[], fallback: string): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = keyFromName(name, fallback);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base.slice(0, KEY_MAX - String(n).length - 1)}-${n}`;
    used.add(key);
    return key;
  });
}
