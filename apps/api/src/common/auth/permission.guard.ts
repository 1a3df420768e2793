import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { can, type Permission } from '@dnb/contracts';
import { AuditService } from '../../modules/audit/audit.service';
import { AuthStateService, type UserState } from '../../modules/auth/auth-state.service';
import { APP_CONFIG, type AppConfig } from '../config/env.schema';
import { AppException } from '../errors/app.exception';
import { LOGGER } from '../logging/logger';
import type { Actor, AuthenticatedRequest } from './actor';
import { AUTHENTICATED_KEY, PERMISSIONS_KEY, PUBLIC_KEY, USERS_ONLY_KEY } from './auth.decorators';
import { RouteMetadata } from './route-metadata';

/**
 * Last global guard: deny by default. A route must say @Public(), @Authenticated() or
 * @RequirePermission(...); one that says nothing is refused, whoever calls it.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: RouteMetadata,
    private readonly audit: AuditService,
    private readonly authState: AuthStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Synchronous unless the user's state must be read from the database (once a second at most):
  // Nest then skips a promise and a microtask per request.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType() === 'ws') return this.checkSocketEvent(context, targets);
    if (context.getType() !== 'http') return false;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const actor = request.actor;
    if (!actor) throw new AppException(401, 'UNAUTHENTICATED', 'Authentication required');

    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    const selfOnly = this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets);
    if (!required && !selfOnly) {
      this.logger.error({ route: routeOf(request) }, 'route has no permission declaration; refused');
      return this.deny(actor, request, 'route has no permission declaration', 'PERMISSION_DENIED');
    }
    if (actor.kind !== 'user' && this.reflector.getAllAndOverride<boolean>(USERS_ONLY_KEY, targets)) {
      return this.deny(actor, request, 'only a signed-in user can do this, not an API key', 'PERMISSION_DENIED');
    }
    if (actor.kind === 'user' && !selfOnly) {
      const state = this.authState.cachedUser(actor.id);
      if (state === undefined) return this.authState.user(actor.id).then((read) => this.checkUser(actor, request, required, read));
      return this.checkUser(actor, request, required, state);
    }
    return this.checkRole(actor, request, required);
  }

  /** A signed-in user: password change and admin MFA enrolment come first, then the role. */
  private checkUser(
    actor: Actor,
    request: FastifyRequest,
    required: Permission[] | undefined,
    state: UserState | null,
  ): boolean | Promise<boolean> {
    if (state?.mustChangePassword) {
      return this.deny(actor, request, 'change your password first (POST /api/v1/auth/password)', 'PASSWORD_CHANGE_REQUIRED');
    }
    if (this.config.auth.requireAdminMfa && actor.role === 'admin' && !state?.mfaEnabled) {
      return this.deny(
        actor,
        request,
        'admins must enrol in two-factor authentication first (POST /api/v1/auth/mfa/setup)',
        'MFA_ENROLMENT_REQUIRED',
      );
    }
    return this.checkRole(actor, request, required);
  }

  /**
   * A socket event, deny by default like a route: its handler must declare a permission, and
   * the connection's actor (authenticated on the handshake) must hold it.
   */
  private checkSocketEvent(context: ExecutionContext, targets: Array<ReturnType<ExecutionContext['getHandler']>>): boolean {
    const socket = context.switchToWs().getClient<{ data?: { feed?: { actor?: Actor } } }>();
    const actor = socket.data?.feed?.actor;
    if (!actor) throw new WsException({ code: 'UNAUTHENTICATED', message: 'Authentication required' });
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    const selfOnly = this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets);
    if (!required && !selfOnly) {
      this.logger.error({ event: context.switchToWs().getPattern() }, 'socket event has no permission declaration; refused');
      throw new WsException({ code: 'PERMISSION_DENIED', message: 'event has no permission declaration' });
    }
    const missing = (required ?? []).filter((p) => !can(actor.role, p));
    if (missing.length)
      throw new WsException({ code: 'PERMISSION_DENIED', message: `your role (${actor.role}) lacks ${missing.join(', ')}` });
    return true;
  }

  private checkRole(actor: Actor, request: FastifyRequest, required: Permission[] | undefined): boolean | Promise<boolean> {
    const missing = (required ?? []).filter((p) => !can(actor.role, p));
    if (missing.length) return this.deny(actor, request, `your role (${actor.role}) lacks ${missing.join(', ')}`, 'PERMISSION_DENIED');
    return true;
  }

  private async deny(
    actor: Actor,
    request: FastifyRequest,
    message: string,
    code: 'PERMISSION_DENIED' | 'PASSWORD_CHANGE_REQUIRED' | 'MFA_ENROLMENT_REQUIRED',
  ): Promise<never> {
    await this.audit
      .record({
        action: 'auth.forbidden',
        outcome: 'denied',
        actor,
        statusCode: 403,
        target: routeOf(request),
        detail: { reason: message },
      })
      .catch(() => undefined);
    throw new AppException(403, code, message);
  }
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions?.url ?? request.url}`;
}
