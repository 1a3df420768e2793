import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Every bot answer is untrusted input: it is checked against the machine-readable bot contract
 * (libs/contracts/bot-contract/openapi.yaml, resolved from the installed package at run time)
 * before anything reads it. An answer that does not match counts as a bot failure.
 */

type Json = Record<string, unknown>;
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, Json> }>>;
}

/** Named answers the bridge reads. */
export type BotAnswerKind =
  | 'health'
  | 'stats'
  | 'positions'
  | 'positionDetail'
  | 'pauseState'
  | 'success'
  | 'emergencyStop'
  | 'config'
  | 'fundingRates'
  | 'circuitBreakers'
  | 'chains'
  | 'error';

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
const responseSchema = (path: string, method: string) =>
  `bot-contract.json#/${pointer('paths', path, method, 'responses', '200', 'content', 'application/json', 'schema')}`;

const REFS: Record<BotAnswerKind, string> = {
  health: responseSchema('/health', 'get'),
  stats: 'bot-contract.json#/components/schemas/BotStats',
  positions: responseSchema('/internal/positions', 'get'),
  positionDetail: 'bot-contract.json#/components/schemas/PositionDetail',
  pauseState: 'bot-contract.json#/components/schemas/PauseState',
  success: 'bot-contract.json#/components/schemas/Success',
  emergencyStop: responseSchema('/internal/control/emergency-stop', 'post'),
  config: 'bot-contract.json#/components/schemas/BotConfig',
  fundingRates: responseSchema('/internal/funding-rates', 'get'),
  circuitBreakers: responseSchema('/internal/circuit-breakers', 'get'),
  chains: responseSchema('/internal/chains', 'get'),
  error: `bot-contract.json#/${pointer('components', 'responses', 'Error', 'content', 'application/json', 'schema')}`,
};

/** Where the contract is: inside the installed @dnb/contracts package, never outside the project. */
export function botContractFile(): string {
  return require.resolve('@dnb/contracts/bot-contract/openapi.yaml');
}

export class BotContractValidator {
  private readonly validators = new Map<BotAnswerKind, ValidateFunction>();
  private readonly byPath: Array<{ method: string; pattern: RegExp; validate: ValidateFunction }> = [];

  constructor(contractFile = botContractFile()) {
    const doc = parse(readFileSync(contractFile, 'utf8')) as OpenApiDoc;
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    // The contract allows naive datetimes (meaning UTC); RFC 3339 date-time would refuse them.
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i);
    ajv.addSchema(doc as unknown as Json, 'bot-contract.json');
    for (const [kind, ref] of Object.entries(REFS) as Array<[BotAnswerKind, string]>) {
      this.validators.set(kind, ajv.compile({ $ref: ref }));
    }
    for (const [path, operations] of Object.entries(doc.paths)) {
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.responses?.['200']) continue;
        this.byPath.push({ method: method.toUpperCase(), pattern, validate: ajv.compile({ $ref: responseSchema(path, method) }) });
      }
    }
  }

  /** Problems with an answer of a known kind; undefined when it matches the contract. */
  check(kind: BotAnswerKind, body: unknown): string | undefined {
    const validate = this.validators.get(kind)!;
    return validate(body) ? undefined : describe(validate);
  }

  /**
   * Problems with a 200 answer to METHOD path (query ignored), by the contract's own path table;
   * a path the contract does not describe is refused.
   */
  checkPath(method: string, path: string, body: unknown): string | undefined {
    const bare = path.split('?')[0]!;
    const entry = this.byPath.find((e) => e.method === method.toUpperCase() && e.pattern.test(bare));
    if (!entry) return `the bot contract does not describe ${method.toUpperCase()} ${bare}`;
    return entry.validate(body) ? undefined : describe(entry.validate);
  }
}

function describe(validate: ValidateFunction): string {
  const first = validate.errors?.[0];
  if (!first) return 'does not match the bot contract';
  return `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}`;
}
