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
import { requestContextOf } from '../logging/request-context';
import type { Actor, AuthenticatedRequest } from './actor';
import { AUTHENTICATED_KEY, PERMISSIONS_KEY, PUBLIC_KEY, USERS_ONLY_KEY } from './auth.decorators';
import { RouteMetadata } from './route-metadata';

type Targets = Array<ReturnType<ExecutionContext['getHandler']>>;
type Denial = { code: 'PERMISSION_DENIED' | 'PASSWORD_CHANGE_REQUIRED' | 'MFA_ENROLMENT_REQUIRED'; message: string; undeclared?: true };
type Verdict = true | Denial;

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
    const verdict = this.verdictNow(actor, targets);
    if (verdict === undefined) {
      return this.authState.user(actor.id).then((state) => this.enforce(this.verdict(actor, targets, state), actor, request));
    }
    return this.enforce(verdict, actor, request);
  }

  /**
   * Whether this actor may use the route now, decided without waiting and without side effects
   * (no audit, no log): false also when the answer needs a database read. For the hot read path,
   * which answers only when this is true and otherwise leaves the request to the guards.
   */
  allowsNow(actor: Actor, targets: Targets): boolean {
    return this.verdictNow(actor, targets) === true;
  }

  /** The verdict, or undefined when the user's state is not cached (then read it first). */
  private verdictNow(actor: Actor, targets: Targets): Verdict | undefined {
    if (actor.kind !== 'user' || this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets)) {
      return this.verdict(actor, targets, null);
    }
    const state = this.authState.cachedUser(actor.id);
    return state === undefined ? undefined : this.verdict(actor, targets, state);
  }

  /**
   * Deny by default: the route's declaration, then (signed-in users, on permission routes) the
   * password change and admin MFA enrolment, then the role. `state` is only read for users.
   */
  private verdict(actor: Actor, targets: Targets, state: UserState | null): Verdict {
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    const selfOnly = this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets);
    if (!required && !selfOnly) return { code: 'PERMISSION_DENIED', message: 'route has no permission declaration', undeclared: true };
    if (actor.kind !== 'user' && this.reflector.getAllAndOverride<boolean>(USERS_ONLY_KEY, targets)) {
      return { code: 'PERMISSION_DENIED', message: 'only a signed-in user can do this, not an API key' };
    }
    if (actor.kind === 'user' && !selfOnly) {
      if (state?.mustChangePassword) {
        return { code: 'PASSWORD_CHANGE_REQUIRED', message: 'change your password first (POST /api/v1/auth/password)' };
      }
      if (this.config.auth.requireAdminMfa && actor.role === 'admin' && !state?.mfaEnabled) {
        return {
          code: 'MFA_ENROLMENT_REQUIRED',
          message: 'admins must enrol in two-factor authentication first (POST /api/v1/auth/mfa/setup)',
        };
      }
    }
    const missing = (required ?? []).filter((p) => !can(actor.role, p));
    if (missing.length) return { code: 'PERMISSION_DENIED', message: `your role (${actor.role}) lacks ${missing.join(', ')}` };
    return true;
  }

  private enforce(verdict: Verdict, actor: Actor, request: FastifyRequest): boolean | Promise<boolean> {
    if (verdict === true) return true;
    if (verdict.undeclared) this.logger.error({ route: routeOf(request) }, 'route has no permission declaration; refused');
    return this.deny(actor, request, verdict.message, verdict.code);
  }

  /**
   * A socket event, deny by default like a route: its handler must declare a permission, and
   * the connection's actor (authenticated on the handshake) must hold it.
   */
  private checkSocketEvent(context: ExecutionContext, targets: Targets): boolean {
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

  private async deny(actor: Actor, request: FastifyRequest, message: string, code: Denial['code']): Promise<never> {
    await this.audit
      .record({
        action: 'auth.forbidden',
        outcome: 'denied',
        actor,
        context: requestContextOf(request),
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
