import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@dnb/contracts';
import type { Actor, AuthenticatedRequest } from './actor';

export const PUBLIC_KEY = 'auth:public';
export const PERMISSIONS_KEY = 'auth:permissions';
export const AUTHENTICATED_KEY = 'auth:authenticated-only';

/** Open to anyone, no credential (health, login). Few routes may say this. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller's role must grant every listed permission. */
export const RequirePermission = (...permissions: Permission[]) => SetMetadata(PERMISSIONS_KEY, permissions);

/** Any signed-in caller (e.g. finishing a forced password change); no other permission. */
export const Authenticated = () => SetMetadata(AUTHENTICATED_KEY, true);

/** The authenticated caller; the guard guarantees it is set on every non-public route. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
