import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { REFRESH_COOKIE } from '../identity/refresh-cookie';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('featbit-ts management API')
    .setDescription(
      'FeatBit-compatible management REST API. Authenticate with `Authorization: Bearer <jwt>` (console session) ' +
        'or `Authorization: <access token>`; send the `Organization` and `Workspace` headers for tenant-scoped routes.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'jwt')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization' }, 'access-token')
    // The identity routes' refresh token is an HttpOnly cookie (src/api/identity/refresh-cookie.ts).
    .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE }, REFRESH_COOKIE)
    .build();
  return withPathParameters(SwaggerModule.createDocument(app, config));
}

type Operation = { parameters?: { name: string; in: string }[] };

/**
 * Declares every `{name}` of a path that its operation leaves out (ids only the guard reads, such
 * as `envId` on flag commands): a document with undeclared path parameters is invalid OpenAPI.
 */
function withPathParameters(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(doc.paths)) {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      op.parameters ??= [];
      for (const name of names) {
        if (op.parameters.some((p) => p.in === 'path' && p.name === name)) continue;
        op.parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } } as never);
      }
    }
  }
  return doc;
}

/** OpenAPI at /docs (Swagger UI) and /docs/openapi.json. */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'featbit-ts API',
  });
}
