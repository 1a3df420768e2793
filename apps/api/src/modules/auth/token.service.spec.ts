import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../common/config/env.schema';
import type { InstanceSecrets } from '../../common/security/instance-secrets';
import { bearerToken } from './jwt.strategy';
import { JWT_AUDIENCE, JWT_ISSUER, TokenService } from './token.service';

const key = createSecretKey(Buffer.from('t'.repeat(48)));
const tokens = () =>
  new TokenService({ jwtKey: key } as unknown as InstanceSecrets, { auth: { accessTokenTtlS: 60 } } as unknown as AppConfig);
const user = { id: 'u1', username: 'alice', role: 'viewer' as const };

describe('bearerToken', () => {
  it('reads "<scheme> <token>" as passport-jwt does, scheme case-insensitive', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Bearer  abc')).toBe('abc');
    expect(bearerToken('Bearer abc def')).toBe('abc');
    expect(bearerToken('Bearer \tabc')).toBe('abc');
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe(TokenService.name, () => {
  afterEach(() => vi.useRealTimers());

  it('accepts its own access token, the same token again from memory, and nothing else', () => {
    const service = tokens();
    const { token } = service.signAccess(user, 's1', 1);
    const first = service.tryVerifyAccess(token);
    expect(first).toMatchObject({ sub: 'u1', sid: 's1', typ: 'access' });
    expect(service.tryVerifyAccess(token)).toBe(first);
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(service.tryVerifyAccess(`${header}.${payload}.${flipped}`)).toBeNull();
    expect(service.tryVerifyAccess('not a token')).toBeNull();
    // A remembered token's signature under another payload (an admin's role, say) is not a match.
    const forgedPayload = Buffer.from(JSON.stringify({ ...(jwt.decode(token) as object), role: 'admin' })).toString('base64url');
    expect(service.tryVerifyAccess(`${header}.${forgedPayload}.${signature}`)).toBeNull();
    expect(service.tryVerifyAccess(token)).toBe(first);
    const other = jwt.sign({ typ: 'access', sid: 's1' }, createSecretKey(Buffer.from('x'.repeat(48))), {
      algorithm: 'HS256',
      subject: 'u1',
      expiresIn: 60,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    expect(service.tryVerifyAccess(other)).toBeNull();
    const refreshLike = jwt.sign({ typ: 'refresh', sid: 's1' }, key, {
      algorithm: 'HS256',
      subject: 'u1',
      expiresIn: 60,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    expect(service.tryVerifyAccess(refreshLike)).toBeNull();
  });

  it('refuses a remembered token from the second it expires, as jsonwebtoken does', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] });
    const service = tokens();
    const { token } = service.signAccess(user, 's1', 1);
    const claims = service.tryVerifyAccess(token)!;
    vi.setSystemTime(claims.exp * 1000 - 1);
    expect(service.tryVerifyAccess(token)).not.toBeNull();
    vi.setSystemTime(claims.exp * 1000);
    expect(service.tryVerifyAccess(token)).toBeNull();
    expect(() => service.verifyAccess(token)).toThrow(/expired/);
  });
});
