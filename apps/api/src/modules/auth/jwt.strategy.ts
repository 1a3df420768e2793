import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Actor } from '../../common/auth/actor';
import { AccessAuthenticator } from './access-authenticator';

// As passport-jwt's fromAuthHeaderAsBearerToken read it: "<scheme> <token>", scheme case-insensitive.
const AUTH_HEADER = /(\S+)\s+(\S+)/;
const WHITESPACE = /\s/;

/** The token of an `Authorization: Bearer <token>` header, else undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  // The usual "Bearer <token>" without the capturing regex (every dashboard poll pays for it);
  // anything else is read exactly as before.
  if (header.startsWith('Bearer ') && header.length > 7 && !WHITESPACE.test(header.slice(7))) return header.slice(7);
  const match = AUTH_HEADER.exec(header);
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : undefined;
}

/**
 * Authorization: Bearer <access JWT>. HS256 only; the user and session must still be live.
 * Verified by TokenService with the prebuilt key (passport-jwt went through its own option
 * handling and decoded every token twice); a refused token fails this strategy (it is not an
 * error), so the API key strategy still gets its turn, as before.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly access: AccessAuthenticator) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor | false> {
    const token = bearerToken(request.headers.authorization);
    return token ? this.access.actorFor(token) : Promise.resolve(false);
  }
}
