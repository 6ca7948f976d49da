// Route prefixes of the roles. They never collide, so one port can serve all of them.
export const MANAGEMENT_PREFIX = '/api/v1';
export const SDK_PREFIXES = ['/api/public', '/streaming', '/ofrep'] as const;
export const NON_CONSOLE_PREFIXES = ['/api/', '/streaming', '/ofrep/', '/docs', '/health'] as const;

export function isSdkPath(path: string): boolean {
  const lower = path.toLowerCase();
  return SDK_PREFIXES.some((p) => lower === p || lower.startsWith(p + '/') || lower.startsWith(p + '?'));
}

export function isConsolePath(path: string): boolean {
  const lower = path.toLowerCase();
  return !NON_CONSOLE_PREFIXES.some((p) => lower === p.replace(/\/$/, '') || lower.startsWith(p));
}
