// FeatBit's env files carry .NET-style connection strings; the drivers here want URLs.

/** Npgsql `Host=…;Port=…;Username=…;Password=…;Database=…` (or a URL) → `postgres://…`. */
export function normalizePostgresConnectionString(raw: string, passwordOverride?: string): string {
  const value = raw.trim();
  let url: URL;
  if (/^postgres(ql)?:\/\//i.test(value)) {
    url = new URL(value);
  } else {
    const parts = new Map<string, string>();
    for (const segment of value.split(';')) {
      const eq = segment.indexOf('=');
      if (eq <= 0) continue;
      parts.set(segment.slice(0, eq).trim().toLowerCase().replace(/\s+/g, ''), segment.slice(eq + 1).trim());
    }
    const pick = (...keys: string[]): string | undefined => keys.map((k) => parts.get(k)).find((v) => v);
    const host = pick('host', 'server', 'datasource');
    if (!host) throw new Error('has no Host');
    url = new URL('postgres://localhost');
    url.hostname = host;
    const port = pick('port');
    if (port) url.port = port;
    const user = pick('username', 'userid', 'user', 'uid');
    if (user) url.username = encodeURIComponent(user);
    const password = pick('password', 'pwd');
    if (password) url.password = encodeURIComponent(password);
    url.pathname = '/' + encodeURIComponent(pick('database', 'initialcatalog', 'db') ?? 'postgres');
    const sslMode = pick('sslmode');
    if (sslMode) url.searchParams.set('sslmode', sslMode.toLowerCase());
  }
  if (passwordOverride) url.password = encodeURIComponent(passwordOverride);
  return url.toString();
}

/** StackExchange.Redis `host:port,password=…,ssl=true,defaultDatabase=1` (or a URL) → `redis://…`. */
export function normalizeRedisConnectionString(raw: string, passwordOverride?: string): string {
  const value = raw.trim();
  let url: URL;
  if (/^rediss?:\/\//i.test(value)) {
    url = new URL(value);
  } else {
    const [endpoint, ...options] = value.split(',').map((s) => s.trim());
    if (!endpoint || endpoint.includes('=')) throw new Error('has no host:port endpoint first');
    const opts = new Map<string, string>();
    for (const option of options) {
      const eq = option.indexOf('=');
      if (eq > 0) opts.set(option.slice(0, eq).trim().toLowerCase(), option.slice(eq + 1).trim());
    }
    url = new URL(opts.get('ssl') === 'true' ? 'rediss://localhost' : 'redis://localhost');
    const colon = endpoint.lastIndexOf(':');
    url.hostname = colon > 0 ? endpoint.slice(0, colon) : endpoint;
    url.port = colon > 0 ? endpoint.slice(colon + 1) : '6379';
    const user = opts.get('user');
    if (user) url.username = encodeURIComponent(user);
    const password = opts.get('password');
    if (password) url.password = encodeURIComponent(password);
    const db = opts.get('defaultdatabase');
    if (db) url.pathname = '/' + db;
  }
  if (passwordOverride) url.password = encodeURIComponent(passwordOverride);
  return url.toString();
}

/** Replace the password (and any `password=` query value) of a URL with `***` for logs. */
export function maskUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return '***';
  }
}
