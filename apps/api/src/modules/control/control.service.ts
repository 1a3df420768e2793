import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import {
  BOT_PATHS,
  can,
  pausePermission,
  Permission,
  type BotEmergencyStopResponse,
  type BotPauseState,
  type BotSuccess,
  type BreakerType,
  type PauseScope,
} from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { AppException } from '../../common/errors/app.exception';
import { AppMetaRepository } from '../app-meta/app-meta.repository';
import { AuditService, type AuditOutcome } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { BotCallError } from '../bot-bridge/bot-http.client';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import type { ControlPreviewDto, ControlResultDto, EmergencyStopDto, PauseDto, PreviewQueryDto, ResumeDto } from './control.dto';

/** Breakers the bot never clears by itself: only an admin may resume past them. */
const MANUAL_RESET_BREAKERS: readonly BreakerType[] = ['asgard_health', 'hyperliquid_margin', 'manual'];
/** Set while an emergency stop is in force; resuming from it needs an admin with a fresh login. */
const EMERGENCY_KEY = 'emergency_stop_active';

/**
 * Pause, resume and emergency stop (spec 3.1, Q7, Q15): the role decides what is allowed, the
 * bot is told with our key and the acting user's name, every call is audited as an attempt
 * and an outcome, and the answer is what the bot reports afterwards, not what was asked.
 */
@Injectable()
export class ControlService {
  constructor(
    private readonly bridge: BotBridgeService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly meta: AppMetaRepository,
  ) {}

  async pause(input: PauseDto, actor: Actor): Promise<ControlResultDto> {
    const action = `control.pause.${input.scope}`;
    if (!can(actor.role, pausePermission(input.scope))) {
      return this.deny(actor, action, `your role (${actor.role}) may not pause "${input.scope}"; operators pause entry or exit`);
    }
    const before = await this.bridge.readPauseState(actor.request?.correlationId);
    if (before.paused && (before.scope === input.scope || before.scope === 'all')) {
      await this.audit.record({ action, outcome: 'success', actor, detail: { reason: input.reason, changed: false } });
      return { success: true, changed: false, outcome: 'success', pause_state: toDto(before), message: `already paused (${before.scope})` };
    }
    return this.execute(
      actor,
      action,
      input.reason,
      before,
      async () => {
        const answer = await this.bridge.control<BotSuccess>(
          BOT_PATHS.pause,
          {
            reason: `${actor.name}: ${input.reason}`,
            scope: input.scope,
          },
          actor.request?.correlationId,
        );
        return { accepted: answer.success };
      },
      (after) => after.paused && (after.scope === input.scope || after.scope === 'all'),
    );
  }

  async resume(input: ResumeDto, actor: Actor): Promise<ControlResultDto> {
    const action = 'control.resume';
    const before = await this.bridge.readPauseState(actor.request?.correlationId);
    const emergency = (await this.meta.get(EMERGENCY_KEY)) !== undefined;
    if (!before.paused && !emergency) {
      await this.audit.record({ action, outcome: 'success', actor, detail: { reason: input.reason, changed: false } });
      return { success: true, changed: false, outcome: 'success', pause_state: toDto(before), message: 'not paused' };
    }
    const blocking = before.active_breakers.filter((b) => MANUAL_RESET_BREAKERS.includes(b));
    if (!can(actor.role, Permission.ControlResumeAny)) {
      if (emergency) return this.deny(actor, action, 'resuming after an emergency stop is for admins');
      if (!['entry', 'exit'].includes(before.scope))
        return this.deny(actor, action, `operators resume only an entry or exit pause; this pause is "${before.scope}"`);
      if (blocking.length)
        return this.deny(actor, action, `a breaker that needs a manual reset is active (${blocking.join(', ')}); ask an admin`);
    }
    if (emergency) this.auth.assertRecentLogin(actor);
    const result = await this.execute(
      actor,
      action,
      input.reason,
      before,
      async () => {
        const answer = await this.bridge.control<BotSuccess>(BOT_PATHS.resume, {}, actor.request?.correlationId);
        return { accepted: answer.success };
      },
      (after) => !after.paused,
    );
    if (result.success && emergency) await this.meta.remove(EMERGENCY_KEY);
    return result;
  }

  async emergencyStop(input: EmergencyStopDto, actor: Actor): Promise<ControlResultDto> {
    const action = 'control.emergency_stop';
    this.auth.assertRecentLogin(actor);
    if (this.bridge.supports('emergency-stop') === false) {
      throw new AppException(
        501,
        'BOT_FEATURE_UNSUPPORTED',
        'This bot does not support emergency stop; pause "all" instead and close positions on the venues',
      );
    }
    const before = await this.bridge.readPauseState(actor.request?.correlationId);
    let closing: string[] | undefined;
    const result = await this.execute(
      actor,
      action,
      input.reason,
      before,
      async () => {
        const answer = await this.bridge.control<BotEmergencyStopResponse>(
          BOT_PATHS.emergencyStop,
          { reason: `${actor.name}: ${input.reason}` },
          actor.request?.correlationId,
        );
        closing = answer.positions_closing;
        return { accepted: answer.success };
      },
      (after) => after.paused && after.scope === 'all',
    );
    if (result.success) await this.meta.set(EMERGENCY_KEY, JSON.stringify({ at: new Date().toISOString(), by: actor.name }));
    return { ...result, ...(closing ? { positions_closing: closing } : {}) };
  }

  /** What the action would do now, from the bridge's current view of the bot. */
  preview(query: PreviewQueryDto): ControlPreviewDto {
    const snapshot = this.bridge.snapshot();
    const open = Object.values(snapshot.positions ?? {}).filter((p) => p.status !== 'closed');
    const exposure = open.map((p) => ({
      position_id: p.position_id,
      asset: p.asset,
      deployed_usd: p.deployed_usd,
      long_value_usd: p.long_value_usd,
      short_value_usd: p.short_value_usd,
      asgard_hf: p.asgard_hf,
      hyperliquid_mf: p.hyperliquid_mf,
      total_pnl_usd: p.total_pnl_usd,
    }));
    const total = (field: 'deployed_usd' | 'total_pnl_usd') => open.reduce((sum, p) => sum.plus(p[field]), new Decimal(0)).toFixed();
    const base: Pick<ControlPreviewDto, 'action' | 'scope' | 'pause_state' | 'freshness' | 'lifecycle'> = {
      action: query.action,
      scope: query.scope ?? null,
      pause_state: snapshot.pauseState && toDto(snapshot.pauseState),
      freshness: snapshot.freshness,
      lifecycle: snapshot.lifecycle,
    };
    switch (query.action) {
      case 'pause': {
        const scope = query.scope ?? 'entry';
        const effects: Record<PauseScope, string> = {
          entry: 'No new positions are opened. Open positions keep being managed and can still close.',
          exit: 'No position is closed, even on exit signals or falling health: the positions below stay exposed.',
          all: 'The bot opens and closes nothing: every position below stays exposed until resumed.',
          asgard: 'No Solana (Asgard) operations: long legs cannot be adjusted or closed.',
          hyperliquid: 'No Arbitrum (Hyperliquid) operations: short legs cannot be adjusted or closed.',
        };
        return {
          ...base,
          scope,
          effect: effects[scope],
          positions_exposed: scope === 'entry' ? [] : exposure,
          total_deployed_usd: total('deployed_usd'),
        };
      }
      case 'resume':
        return {
          ...base,
          effect: snapshot.pauseState?.paused
            ? `Ends the "${snapshot.pauseState.scope}" pause; the bot trades again.`
            : 'The bot is not paused.',
          blocking_breakers: (snapshot.pauseState?.active_breakers ?? []).filter((b) => MANUAL_RESET_BREAKERS.includes(b)),
        };
      case 'emergency-stop':
        return {
          ...base,
          supported: this.bridge.supports('emergency-stop') ?? null,
          effect: 'Closes every position on both venues, cancels pending orders and pauses everything until an admin resumes.',
          positions_to_close: exposure,
          total_deployed_usd: total('deployed_usd'),
          total_pnl_usd: total('total_pnl_usd'),
        };
    }
  }

  /**
   * Attempt -> bot -> re-read -> outcome. A timeout is audited as "unknown" and then settled by
   * reading the pause state again; a bot that is down answers 503 and nothing is queued.
   */
  private async execute(
    actor: Actor,
    action: string,
    reason: string,
    before: BotPauseState,
    call: () => Promise<{ accepted: boolean }>,
    reached: (after: BotPauseState) => boolean,
  ): Promise<ControlResultDto> {
    await this.audit.record({ action, outcome: 'attempt', actor, detail: { reason }, before });
    let accepted: boolean | undefined;
    try {
      accepted = (await call()).accepted;
    } catch (error) {
      if (!(error instanceof BotCallError && error.kind === 'timeout')) {
        await this.audit.record({ action, outcome: 'failure', actor, detail: { reason, error: (error as Error).message } });
        throw error;
      }
      await this.audit.record({ action, outcome: 'unknown', actor, detail: { reason, error: error.message } });
    }
    let after: BotPauseState;
    try {
      after = await this.bridge.readPauseState(actor.request?.correlationId);
    } catch (error) {
      await this.audit.record({
        action,
        outcome: 'unknown',
        actor,
        detail: { reason, error: `re-read failed: ${(error as Error).message}` },
      });
      throw new AppException(
        503,
        'BOT_UNAVAILABLE',
        'The bot did not confirm the action; its state is unknown. Check the pause state before retrying.',
        undefined,
        {
          outcome: 'unknown',
        },
      );
    }
    const success = reached(after);
    const outcome: AuditOutcome = success ? 'success' : accepted === false ? 'failure' : accepted === undefined ? 'unknown' : 'failure';
    await this.audit.record({ action, outcome, actor, detail: { reason, bot_accepted: accepted ?? null }, after });
    if (accepted === false && !success) {
      throw new AppException(502, 'BOT_REJECTED', 'The bot refused the command (its answer was success: false)', undefined, {
        pause_state: toDto(after),
      });
    }
    return {
      success,
      changed: JSON.stringify(toDto(before)) !== JSON.stringify(toDto(after)),
      outcome: outcome === 'success' ? 'success' : outcome === 'unknown' ? 'unknown' : 'failure',
      pause_state: toDto(after),
      ...(accepted === undefined ? { message: 'The bot did not answer in time; this is its state re-read afterwards' } : {}),
    };
  }

  private async deny(actor: Actor, action: string, message: string): Promise<never> {
    await this.audit.record({ action, outcome: 'denied', actor, statusCode: 403, detail: { reason: message } });
    throw new AppException(403, 'PERMISSION_DENIED', message);
  }
}

function toDto(state: BotPauseState): ControlResultDto['pause_state'] {
  return {
    paused: state.paused,
    scope: state.scope,
    reason: state.reason ?? null,
    paused_at: state.paused_at ?? null,
    paused_by: state.paused_by ?? null,
    active_breakers: state.active_breakers,
  };
}
