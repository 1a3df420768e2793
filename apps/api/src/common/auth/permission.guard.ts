import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { can, type Permission } from '@dnb/contracts';
import { AuditService } from '../../modules/audit/audit.service';
import { AuthStateService } from '../../modules/auth/auth-state.service';
import { APP_CONFIG, type AppConfig } from '../config/env.schema';
import { AppException } from '../errors/app.exception';
import { LOGGER } from '../logging/logger';
import type { AuthenticatedRequest } from './actor';
import { AUTHENTICATED_KEY, PERMISSIONS_KEY, PUBLIC_KEY, USERS_ONLY_KEY } from './auth.decorators';

/**
 * Last global guard: deny by default. A route must say @Public(), @Authenticated() or
 * @RequirePermission(...); one that says nothing is refused, whoever calls it.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly authState: AuthStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // socket events have their own check
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const actor = request.actor;
    const route = `${request.method} ${request.routeOptions?.url ?? request.url}`;
    if (!actor) throw new AppException(401, 'UNAUTHENTICATED', 'Authentication required');

    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    const selfOnly = this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets);
    if (!required && !selfOnly) {
      this.logger.error({ route }, 'route has no permission declaration; refused');
      return this.deny(actor, route, 'route has no permission declaration', 'PERMISSION_DENIED');
    }
    if (actor.kind !== 'user' && this.reflector.getAllAndOverride<boolean>(USERS_ONLY_KEY, targets)) {
      return this.deny(actor, route, 'only a signed-in user can do this, not an API key', 'PERMISSION_DENIED');
    }
    if (actor.kind === 'user' && !selfOnly) {
      const state = await this.authState.user(actor.id);
      if (state?.mustChangePassword)
        return this.deny(actor, route, 'change your password first (POST /api/v1/auth/password)', 'PASSWORD_CHANGE_REQUIRED');
      if (this.config.auth.requireAdminMfa && actor.role === 'admin' && !state?.mfaEnabled) {
        return this.deny(
          actor,
          route,
          'admins must enrol in two-factor authentication first (POST /api/v1/auth/mfa/setup)',
          'MFA_ENROLMENT_REQUIRED',
        );
      }
    }
    const missing = (required ?? []).filter((p) => !can(actor.role, p));
    if (missing.length) return this.deny(actor, route, `your role (${actor.role}) lacks ${missing.join(', ')}`, 'PERMISSION_DENIED');
    return true;
  }

  private async deny(
    actor: NonNullable<AuthenticatedRequest['actor']>,
    route: string,
    message: string,
    code: 'PERMISSION_DENIED' | 'PASSWORD_CHANGE_REQUIRED' | 'MFA_ENROLMENT_REQUIRED',
  ): Promise<never> {
    await this.audit
      .record({ action: 'auth.forbidden', outcome: 'denied', actor, statusCode: 403, target: route, detail: { reason: message } })
      .catch(() => undefined);
    throw new AppException(403, code, message);
  }
}
