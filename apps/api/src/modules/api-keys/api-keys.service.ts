import { Inject, Injectable } from '@nestjs/common';
import { BlockList, isIP } from 'node:net';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Role } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import { nowIso } from '../../database/columns';
import { AuditService } from '../audit/audit.service';
import { AuthStateService } from '../auth/auth-state.service';
import type { ApiKeyEntity } from './api-key.entity';
import { generateApiKey, hashApiKey, parseApiKey, sameHash } from './api-key-format';
import { ApiKeyDto, type CreateApiKeyDto, type CreatedApiKeyDto } from './api-keys.dto';
import { ApiKeysRepository } from './api-keys.repository';

/** Why a presented key was refused (for the audit log; the caller only sees 401). */
export type ApiKeyRefusal = 'malformed' | 'unknown' | 'revoked' | 'expired' | 'ip_not_allowed' | 'owner_inactive';

const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

// Revocation must apply within a second, so lookups are cached for at most that long.
const CACHE_TTL_MS = 1000;
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ApiKeysService {
  private readonly cache = new Map<string, { key: ApiKeyEntity | null; at: number }>();
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly authState: AuthStateService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map((k) => ApiKeyDto.from(k));
  }

  async create(input: CreateApiKeyDto, actor: Actor): Promise<CreatedApiKeyDto> {
    if (actor.kind !== 'user') throw new AppException(403, 'PERMISSION_DENIED', 'API keys are created by a signed-in admin');
    if (input.expires_at && new Date(input.expires_at).getTime() <= Date.now()) {
      throw AppException.validation([{ field: 'expires_at', messages: ['must be in the future'] }]);
    }
    const generated = generateApiKey();
    const entity: ApiKeyEntity = {
      id: randomUUID(),
      name: input.name,
      prefix: generated.prefix,
      keyHash: generated.hash,
      role: input.role,
      ownerId: actor.id,
      ipAllowlist: input.ip_allowlist?.length ? JSON.stringify(input.ip_allowlist) : null,
      createdAt: nowIso(),
      expiresAt: input.expires_at ? new Date(input.expires_at).toISOString() : null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.keys.insert(entity);
    const dto = ApiKeyDto.from(entity);
    await this.audit.record({ action: 'api_key.create', outcome: 'success', actor, target: entity.name, after: dto });
    return { ...dto, key: generated.key };
  }

  async revoke(id: string, actor: Actor): Promise<ApiKeyDto> {
    const key = await this.keys.findById(id);
    if (!key) throw AppException.notFound(`no API key ${id}`);
    await this.keys.revoke(id, nowIso());
    this.cache.delete(key.prefix);
    this.authState.revoke({ apiKeyId: id, reason: 'api_key_revoked' });
    await this.audit.record({ action: 'api_key.revoke', outcome: 'success', actor, target: key.name });
    return ApiKeyDto.from((await this.keys.findById(id))!);
  }

  /** Resolves a presented key to an actor, or says why it is refused. */
  async authenticate(presented: string, ip: string | undefined): Promise<Actor | ApiKeyRefusal> {
    if (this.config.auth.botKeyGrantsAdmin && constantTimeEquals(presented, this.config.bot.adminKey)) {
      return { kind: 'bot_key', id: 'bot-admin-key', name: 'bot-admin-key', role: 'admin' };
    }
    const parsed = parseApiKey(presented);
    if (!parsed) return 'malformed';
    const key = await this.lookup(parsed.prefix);
    if (!key || !sameHash(key.keyHash, hashApiKey(presented))) return 'unknown';
    if (key.revokedAt) return 'revoked';
    if (key.expiresAt && key.expiresAt <= nowIso()) return 'expired';
    if (key.ipAllowlist && !ipAllowed(JSON.parse(key.ipAllowlist) as string[], ip)) return 'ip_not_allowed';
    const owner = await this.authState.user(key.ownerId);
    if (!owner?.isActive) return 'owner_inactive';
    this.touch(key);
    // A key never grants more than its owner holds today: demoting the owner demotes the key.
    const role = ROLE_RANK[owner.role] < ROLE_RANK[key.role] ? owner.role : key.role;
    return { kind: 'api_key', id: key.id, name: `key:${key.name}`, role, ownerId: key.ownerId };
  }

  private async lookup(prefix: string): Promise<ApiKeyEntity | null> {
    const hit = this.cache.get(prefix);
    if (hit && performance.now() - hit.at < CACHE_TTL_MS) return hit.key;
    const key = await this.keys.findByPrefix(prefix);
    this.cache.set(prefix, { key, at: performance.now() });
    if (this.cache.size > 10_000) this.cache.clear(); // bounded: garbage prefixes cannot grow it
    return key;
  }

  /** last_used_at is written at most once a minute per key, not on every request. */
  private touch(key: ApiKeyEntity): void {
    const last = this.touched.get(key.id) ?? 0;
    if (Date.now() - last < TOUCH_INTERVAL_MS) return;
    this.touched.set(key.id, Date.now());
    void this.keys.touch(key.id, nowIso()).catch(() => this.touched.delete(key.id));
  }
}

function ipAllowed(allowlist: string[], ip: string | undefined): boolean {
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  for (const entry of allowlist) {
    const [net, bits] = entry.split('/');
    const entryFamily = isIP(net!) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(net!, entryFamily);
    else list.addSubnet(net!, Number(bits), entryFamily);
  }
  return list.check(address, family);
}

function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
