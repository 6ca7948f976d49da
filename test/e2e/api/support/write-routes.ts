import type { OpenAPIObject } from '@nestjs/swagger';

// The management API's routes as the OpenAPI document lists them, with their path parameters
// filled in: the fuzz specs walk every one of them.

export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  maxLength?: number;
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
}

export interface Route {
  method: string;
  path: string;
  /** The JSON body schema, when the route takes one. */
  schema?: Schema;
  /** Names of the query parameters. */
  query: string[];
}

type Operation = {
  requestBody?: { content?: Record<string, { schema: Schema }> };
  parameters?: { in: string; name: string }[];
};

export function resolveSchema(doc: OpenAPIObject, schema: Schema): Schema {
  let s = schema;
  while (s.$ref || (s.allOf?.length === 1 && !s.properties)) {
    if (s.allOf) s = s.allOf[0];
    else s = (doc.components!.schemas as Record<string, Schema>)[s.$ref!.split('/').pop()!];
  }
  return s;
}

/** Every operation of the document with `{name}` replaced from `params` (unknown names stay). */
export function routesOf(doc: OpenAPIObject, params: Record<string, string>): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      routes.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, (whole, n: string) => params[n] ?? whole),
        schema: op.requestBody?.content?.['application/json']?.schema,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  return routes;
}
