import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { APP_VERSION } from './version';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Delta Neutral Bot Control Center API')
    .setDescription(
      'Monitor and control the delta-neutral funding-rate bot. Money, ratios and prices are decimal strings; times are UTC ISO 8601 with Z. ' +
        'Every error answers {statusCode, code, message, errors?, correlationId}.',
    )
    .setVersion(APP_VERSION)
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /api/v1/auth/login' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key created by an admin' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /api/docs, the JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    useGlobalPrefix: false,
  });
}
