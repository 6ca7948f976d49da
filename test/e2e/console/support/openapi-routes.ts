// Matches concrete request paths against the path templates of the product's OpenAPI document.

export interface ApiCall {
  method: string;
  path: string;
  status: number;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(`${baseUrl}/docs/openapi.json`);
  if (!res.ok) throw new Error(`GET /docs/openapi.json → ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

function templateRegex(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`, 'i');
}

/** The calls whose method and path match no documented operation ("GET /api/v1/..."), deduplicated. */
export function undocumentedCalls(calls: readonly ApiCall[], document: OpenApiDocument): string[] {
  const operations = Object.entries(document.paths).flatMap(([template, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), regex: templateRegex(template) })),
  );
  const missing = calls
    .filter((call) => !operations.some((op) => op.method === call.method && op.regex.test(call.path)))
    .map((call) => `${call.method} ${call.path}`);
  return [...new Set(missing)];
}
