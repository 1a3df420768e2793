import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorDto, FieldErrorDto } from './common/errors/error.dto';
import { APP_VERSION } from './version';

type Operation = {
  'x-access'?: { public?: boolean; authenticated?: boolean; permissions?: string[] };
  'x-users-only'?: boolean;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
  requestBody?: unknown;
  parameters?: Array<{ in: string }>;
  operationId?: string;
};

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input: `errors` names each field',
  '401': 'No valid credential (or STEP_UP_REQUIRED / MFA_REQUIRED)',
  '403': 'The role lacks the permission in `x-access`',
  '429': 'Rate limited; see Retry-After',
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Delta Neutral Bot Control Center API')
    .setDescription(
      'Monitor and control the delta-neutral funding-rate bot. Money, ratios and prices are decimal strings; times are UTC ISO 8601 with Z. ' +
        'Every error answers {statusCode, code, message, errors?, correlationId}. Each operation states who may call it in `x-access` ' +
        '(public, any signed-in caller, or the permissions its role must grant; see libs/contracts/src/permissions.ts).',
    )
    .setVersion(APP_VERSION)
    .addServer('/')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /api/v1/auth/login' },
      'bearer',
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key created by an admin' }, 'api-key')
    .addCookieAuth(
      'dnb_refresh',
      { type: 'apiKey', in: 'cookie', name: 'dnb_refresh', description: 'Refresh token (httpOnly, Path=/api/v1/auth)' },
      'dnb_refresh',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorDto, FieldErrorDto] });
  describeAccess(document);
  return document;
}

/**
 * Security and error answers follow from each route's access declaration, so the document says
 * exactly what the guards enforce: no route is documented as open that is not.
 */
function describeAccess(document: OpenAPIObject): void {
  const errorResponse = (status: string) => ({
    description: ERROR_DESCRIPTIONS[status] ?? 'Error',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } },
  });
  for (const path of Object.values(document.paths)) {
    for (const op of Object.values(path as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const access = op['x-access'];
      if (access?.public) {
        op.security = op.operationId === 'AuthController_refresh' ? [{ dnb_refresh: [] }] : [];
      } else {
        op.security = op['x-users-only'] ? [{ bearer: [] }] : [{ bearer: [] }, { 'api-key': [] }];
        op.responses['401'] ??= errorResponse('401');
        op.responses['403'] ??= errorResponse('403');
      }
      // The validation pipe checks bodies, queries and path parameters alike.
      const validated = op.requestBody || op.parameters?.some((p) => p.in === 'query' || p.in === 'path');
      if (validated) op.responses['400'] ??= errorResponse('400');
      op.responses['429'] ??= errorResponse('429');
      // Errors declared with only a description (404, 501, ...) still answer the one error shape.
      for (const [status, response] of Object.entries(op.responses)) {
        const declared = response as { content?: unknown };
        if (/^[45]/.test(status) && !declared.content) declared.content = errorResponse(status).content;
      }
    }
  }
}

/** Swagger UI at /api/docs, the JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    useGlobalPrefix: false,
  });
}
