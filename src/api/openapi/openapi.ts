import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

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
    .build();
  return SwaggerModule.createDocument(app, config);
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
