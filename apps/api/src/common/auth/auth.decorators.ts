import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Permission } from '@dnb/contracts';
import type { FastifyRequest } from 'fastify';
import { requestContextOf } from '../logging/request-context';
import type { Actor, AuthenticatedRequest } from './actor';

export const PUBLIC_KEY = 'auth:public';
export const PERMISSIONS_KEY = 'auth:permissions';
export const AUTHENTICATED_KEY = 'auth:authenticated-only';
export const USERS_ONLY_KEY = 'auth:users-only';

// Each declaration is also published in openapi.json as `x-access`, so integrators (and the
// access-matrix test) read the same rule the guard enforces.

/** Open to anyone, no credential (health, login). Few routes may say this. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-access', { public: true }));

/** The caller's role must grant every listed permission. */
export const RequirePermission = (...permissions: Permission[]) =>
  applyDecorators(SetMetadata(PERMISSIONS_KEY, permissions), ApiExtension('x-access', { permissions }));

/** Any signed-in caller, even one that must change its password first (logout, me, password). */
export const Authenticated = () => applyDecorators(SetMetadata(AUTHENTICATED_KEY, true), ApiExtension('x-access', { authenticated: true }));

/** Only people, not API keys: things that need a password or a session (MFA, step-up, sessions). */
export const UsersOnly = () => applyDecorators(SetMetadata(USERS_ONLY_KEY, true), ApiExtension('x-users-only', true));

/**
 * The authenticated caller (the guard guarantees it is set on every non-public route), with the
 * request it acts through, so that what it does is audited and forwarded with that request's
 * correlation id, IP and user agent.
 */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return { ...request.actor, request: requestContextOf(request) };
});
