import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/api';
import { startLiveBridgeStack, type BridgeStack } from '../support/bridge-stack';

// Integrators code against openapi.json: every GET route's real answer must match the schema the
// document gives for that status, and the status itself must be documented. Answers come from the
// real API over HTTP, with the simulator behind it.

interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: { enum?: unknown[] } }>;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const doc = JSON.parse(readFileSync(join(REPO_ROOT, 'openapi.json'), 'utf8')) as Document;
/**
 * OpenAPI 3.0 -> JSON Schema for Ajv: refs point into the document, and `nullable: true` admits
 * null beside whatever else the schema says (also beside `allOf: [$ref]` and `enum`), which is how
 * the generated client (openapi-typescript) reads it: `X | null`.
 */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? value.replace('#/components/', 'openapi#/components/') : jsonSchema(value);
  }
  if (out.nullable !== true) return out;
  delete out.nullable;
  return { anyOf: [{ type: 'null' }, out] };
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ components: jsonSchema(doc.components) }, 'openapi');

function validatorFor(path: string, status: number): ValidateFunction | undefined {
  const schema = doc.paths[path]?.get?.responses[String(status)]?.content?.['application/json']?.schema;
  return schema ? ajv.compile(jsonSchema(schema) as object) : undefined;
}

/** Not JSON, or needs an object that the test creates elsewhere. */
const SKIPPED = new Set(['/metrics', '/api/v1/alerts/{id}']);

describe('OpenAPI conformance: real answers match openapi.json', () => {
  let s: BridgeStack;
  let positionId: string;

  beforeAll(async () => {
    s = await startLiveBridgeStack();
    const list = await s.get<{ positions: Array<{ position_id: string }> }>('/api/v1/positions');
    positionId = list.body.positions[0]?.position_id ?? '';
    expect(positionId).not.toBe('');
  }, 60_000);

  afterAll(async () => {
    await s?.stack.stop();
  });

  /** Every GET route, with each value of a required enum query (control/preview's actions). */
  function calls(): Array<{ template: string; url: string }> {
    const out: Array<{ template: string; url: string }> = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op || SKIPPED.has(template)) continue;
      const url = template.replace('{id}', positionId);
      const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required);
      if (!required.length) out.push({ template, url });
      for (const param of required) {
        for (const value of param.schema?.enum ?? []) out.push({ template, url: `${url}?${param.name}=${String(value)}` });
      }
    }
    return out;
  }

  it('every GET route answers a documented status with a body its schema accepts', async () => {
    const problems: string[] = [];
    const checked = calls();
    expect(checked.length).toBeGreaterThan(25);
    for (const { template, url } of checked) {
      const res = await s.get(url);
      const validate = validatorFor(template, res.status);
      if (!validate) {
        problems.push(`${url}: HTTP ${res.status} has no JSON schema in openapi.json`);
        continue;
      }
      if (!validate(res.body)) problems.push(`${url}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('errors match the documented error shape: 401 without a credential, 400 for a bad query, 404 for an unknown position', async () => {
    const unauthenticated = await fetch(`${s.stack.apiUrl}/api/v1/positions`);
    const body401 = (await unauthenticated.json()) as unknown;
    expect(unauthenticated.status).toBe(401);
    const v401 = validatorFor('/api/v1/positions', 401);
    expect(v401?.(body401), ajv.errorsText(v401?.errors)).toBe(true);

    const bad = await s.get('/api/v1/control/preview?action=explode');
    expect(bad.status).toBe(400);
    const v400 = validatorFor('/api/v1/control/preview', 400);
    expect(v400?.(bad.body), ajv.errorsText(v400?.errors)).toBe(true);
    expect(JSON.stringify(bad.body)).toContain('action');

    const missing = await s.get('/api/v1/positions/pos_does_not_exist');
    expect(missing.status).toBe(404);
    const v404 = validatorFor('/api/v1/positions/{id}', 404);
    expect(v404?.(missing.body), ajv.errorsText(v404?.errors)).toBe(true);
  });

  it('the control preview carries the bot’s decimal strings unchanged and their sum as a decimal string', async () => {
    const preview = await s.get<{ positions_to_close: Array<{ position_id: string; deployed_usd: string }>; total_deployed_usd: string }>(
      '/api/v1/control/preview?action=emergency-stop',
    );
    expect(preview.status).toBe(200);
    const bot = await s.bot<Record<string, { deployed_usd: string }>>('/internal/positions');
    let compared = 0;
    for (const p of preview.body.positions_to_close) {
      const raw = bot.body[p.position_id];
      if (!raw) continue; // closed between the two reads
      expect(p.deployed_usd).toBe(raw.deployed_usd);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    expect(preview.body.total_deployed_usd).toMatch(/^-?\d+(\.\d+)?$/);
  });
});
