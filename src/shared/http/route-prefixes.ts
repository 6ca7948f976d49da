// Route prefixes of the roles. They never collide, so one port can serve all of them.
export const MANAGEMENT_PREFIX = '/api/v1';
export const SDK_PREFIXES = ['/api/public', '/streaming', '/ofrep'] as const;
export const NON_CONSOLE_PREFIXES = [
  '/api/',
  '/streaming',
  '/ofrep/',
  '/docs',
  '/health',
  '/metrics',
] as const;

function underPrefix(path: string, prefix: string): boolean {
  const lower = path.toLowerCase();
  return lower === prefix || lower.startsWith(prefix + '/') || lower.startsWith(prefix + '?');
}

export function isSdkPath(path: string): boolean {
  return SDK_PREFIXES.some((p) => underPrefix(path, p));
}

/** FeatBit's routes of a later API version, served as management routes (ResourceController v2). */
const MANAGEMENT_V2_ROUTES = ['/api/v2/resources'] as const;

export function isManagementPath(path: string): boolean {
  return underPrefix(path, MANAGEMENT_PREFIX) || MANAGEMENT_V2_ROUTES.some((p) => underPrefix(path, p));
}

export function isConsolePath(path: string): boolean {
  const lower = path.toLowerCase();
  return !NON_CONSOLE_PREFIXES.some((p) => lower === p.replace(/\/$/, '') || lower.startsWith(p));
}

/**
 * A request path as a router sees it: percent-decoded, slashes collapsed, dot segments resolved.
 * Only for choices that follow no matched route (error formatting of a 404, CORS preflights);
 * security decisions come from the matched route's metadata, never from a URL string.
 */
export function normalizedPath(url: string): string {
  let path = url.split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: keep the raw path; no route matches it anyway.
  }
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return '/' + out.join('/');
}

/** What a request reached: the matched route's pattern, or the normalized path when none matched. */
export interface RoutedRequest {
  url: string;
  routeOptions?: { url?: string };
}

/** The kind of a request, from the route the router matched (its registered pattern). */
export function routeKind(req: RoutedRequest): 'management' | 'sdk' | 'other' {
  const pattern = req.routeOptions?.url;
  const path = pattern && pattern !== '*' ? pattern : normalizedPath(req.url);
  if (isManagementPath(path)) return 'management';
  if (isSdkPath(path)) return 'sdk';
  return 'other';
}
