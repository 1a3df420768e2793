import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Bot, type CommandContext, type Context } from 'grammy';
import { can, Permission, type PauseScope } from '@dnb/contracts';
import type { Logger } from 'pino';
import type { Actor } from '../../../common/auth/actor';
import { backgroundContext } from '../../../common/logging/request-context';
import { APP_CONFIG, type AppConfig } from '../../../common/config/env.schema';
import { AppException } from '../../../common/errors/app.exception';
import { LOGGER } from '../../../common/logging/logger';
import { Leadership } from '../../cluster/leadership';
import { AuditService } from '../../audit/audit.service';
import { AuthStateService } from '../../auth/auth-state.service';
import { BotBridgeService } from '../../bot-bridge/bot-bridge.service';
import { ControlService } from '../../control/control.service';
import { UsersRepository } from '../../users/users.repository';
import { escapeHtml } from '../alert-formats';
import { AlertEngineService } from '../alert-engine.service';
import { AlertStore } from '../alert-store';
import { CommandLimits } from './command-limits';
import { pnlReply, positionsReply, statusReply } from './telegram-replies';

/** A command older than this (sent while the control center was away) is not carried out. */
const MAX_COMMAND_AGE_S = 60;

/** Telegram user id -> control-center user id, as an admin linked them. */
export interface TelegramLink {
  telegram_user_id: number;
  username: string;
}

const HELP: Array<{ command: string; text: string; permission: Permission }> = [
  { command: '/status', text: 'bot state, pause state, freshness', permission: Permission.StatusRead },
  { command: '/positions', text: 'open positions with health factor, margin fraction and PnL', permission: Permission.PositionsRead },
  { command: '/pnl', text: 'PnL of the open positions', permission: Permission.PositionsRead },
  { command: '/pause entry|exit <reason>', text: 'pause new positions or closures', permission: Permission.ControlPauseEntry },
  { command: '/resume <reason>', text: 'resume (operators: an entry or exit pause)', permission: Permission.ControlResumeEntryExit },
  { command: '/ack <alert id>', text: 'acknowledge an alert', permission: Permission.AlertsAck },
];

/**
 * Commands to the alert bot (grammY, long polling): /status, /positions, /pnl, /pause
 * entry|exit, /resume, /ack, /help. Only from the allowed chats, only from Telegram users an
 * admin linked to a control-center user, whose role applies and who is named in the audit log
 * (pause and resume go through the same ControlService as the HTTP routes). Q12 rate limits per
 * user and a global one. No emergency stop from Telegram.
 */
@Injectable()
export class TelegramCommandsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private bot?: Bot;
  private running?: Promise<void>;
  private links = new Map<number, string>();
  private readonly limits = new CommandLimits();
  private readonly allowedChats: ReadonlySet<string>;
  private readonly counts = { handled: 0, refused_chat: 0, unlinked: 0, rate_limited: 0, stale: 0 };

  constructor(
    private readonly bridge: BotBridgeService,
    private readonly control: ControlService,
    private readonly engine: AlertEngineService,
    private readonly store: AlertStore,
    private readonly users: UsersRepository,
    private readonly authState: AuthStateService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {
    this.allowedChats = new Set(config.alerts.telegramAllowedChats);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.loadLinks();
    const telegram = this.config.alerts.env.telegram;
    if (!telegram || !this.config.alerts.telegramCommands) return;
    const bot = new Bot(telegram.botToken, { client: { apiRoot: this.config.alerts.telegramApiRoot, timeoutSeconds: 60 } });
    bot.use((ctx, next) => this.gate(ctx, next));
    bot.command('help', (ctx) => this.help(ctx));
    bot.command('start', (ctx) => this.help(ctx));
    bot.command('status', (ctx) => this.read(ctx, Permission.StatusRead, () => statusReply(this.bridge.snapshot())));
    bot.command('positions', (ctx) => this.read(ctx, Permission.PositionsRead, () => positionsReply(this.bridge.snapshot())));
    bot.command('pnl', (ctx) => this.read(ctx, Permission.PositionsRead, () => pnlReply(this.bridge.snapshot())));
    bot.command('pause', (ctx) => this.pause(ctx));
    bot.command('resume', (ctx) => this.resume(ctx));
    bot.command('ack', (ctx) => this.ack(ctx));
    bot.command(['stop', 'emergency', 'emergency_stop'], (ctx) =>
      ctx.reply('Emergency stop is not available from Telegram: use the dashboard.'),
    );
    bot.catch((error) => this.logger.error({ err: error.error, update_id: error.ctx.update.update_id }, 'telegram command failed'));
    this.bot = bot;
    // Replicas: Telegram gives updates to one poller only, so the leader listens.
    if (!this.leadership || this.leadership.isLeader()) this.listen();
    this.leadership?.onChange((view) => (view.role === 'leader' ? this.listen() : this.quiet()));
  }

  private listen(): void {
    const bot = this.bot;
    if (!bot || this.running) return;
    this.running = bot
      .start({
        allowed_updates: ['message'],
        onStart: (me) => this.logger.info({ bot: me.username, chats: [...this.allowedChats] }, 'telegram commands listening'),
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'telegram commands stopped: the bot could not poll Telegram'))
      .finally(() => (this.running = undefined));
  }

  private async quiet(): Promise<void> {
    if (this.bot?.isRunning()) await this.bot.stop();
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.limits.close();
    await this.quiet();
  }

  stats(): Record<string, number> {
    return { ...this.counts };
  }

  async linksView(): Promise<TelegramLink[]> {
    const out: TelegramLink[] = [];
    for (const [telegramId, userId] of this.links) {
      const user = await this.users.findById(userId);
      if (user) out.push({ telegram_user_id: telegramId, username: user.username });
    }
    return out;
  }

  /** Replaces the links (admin); every username must name an existing user. */
  async putLinks(links: readonly TelegramLink[], actor: Actor): Promise<TelegramLink[]> {
    const next = new Map<number, string>();
    for (const [i, link] of links.entries()) {
      const user = await this.users.findByUsername(link.username);
      if (!user) throw AppException.validation([{ field: `links.${i}.username`, messages: [`no user "${link.username}"`] }]);
      if (next.has(link.telegram_user_id))
        throw AppException.validation([{ field: `links.${i}.telegram_user_id`, messages: ['is linked twice'] }]);
      next.set(link.telegram_user_id, user.id);
    }
    const before = await this.linksView();
    await this.store.putSetting('telegram_users', JSON.stringify(Object.fromEntries(next)), actor.name, Date.now());
    this.links = next;
    const after = await this.linksView();
    await this.audit.record({ action: 'alert.telegram.links', outcome: 'success', actor, before, after });
    return after;
  }

  private async loadLinks(): Promise<void> {
    const stored = await this.store.setting('telegram_users');
    const parsed = stored ? (JSON.parse(stored) as Record<string, string>) : {};
    this.links = new Map(Object.entries(parsed).map(([telegramId, userId]) => [Number(telegramId), userId]));
  }

  /** Allowed chat, fresh message, linked active user, within the limits; else a short refusal (or silence for strangers). */
  private async gate(ctx: Context, next: () => Promise<void>): Promise<void> {
    const chatId = ctx.chat?.id;
    const from = ctx.from?.id;
    const text = ctx.message?.text ?? '';
    if (chatId === undefined || from === undefined || !text.startsWith('/')) return;
    if (!this.allowedChats.has(String(chatId))) {
      // Strangers get no answer at all: nothing to learn about this bot.
      this.counts.refused_chat += 1;
      this.logger.warn({ chat_id: chatId, telegram_user_id: from }, 'telegram command from a chat that is not allowed: ignored');
      return;
    }
    if (ctx.message && Date.now() / 1000 - ctx.message.date > MAX_COMMAND_AGE_S) {
      this.counts.stale += 1;
      await ctx.reply('Ignored: this command was sent while the control center was away. Send it again if it still applies.');
      return;
    }
    const actor = await this.actorOf(from);
    if (!actor) {
      this.counts.unlinked += 1;
      await ctx.reply(
        `Your Telegram account (id ${from}) is not linked to an active control-center user (or its password must be changed in the dashboard first). Ask an admin to link it.`,
      );
      return;
    }
    const command = text.slice(1).split(/[\s@]/)[0]!.toLowerCase();
    const wait = this.limits.take(from, command);
    if (wait !== null) {
      this.counts.rate_limited += 1;
      await ctx.reply(`Rate limit exceeded. Try again in ${wait}s.`);
      return;
    }
    this.counts.handled += 1;
    (ctx as Context & { actor?: Actor }).actor = actor;
    await next();
  }

  private async actorOf(telegramUserId: number): Promise<Actor | null> {
    const userId = this.links.get(telegramUserId);
    if (!userId) return null;
    const user = await this.authState.user(userId);
    // As over HTTP: a disabled user, or one who must first change the password, may not act.
    if (!user?.isActive || user.mustChangePassword) return null;
    // Each command gets its own correlation id: its audit rows and bot calls share it.
    return { kind: 'user', id: user.id, name: user.username, role: user.role, request: backgroundContext() };
  }

  private actor(ctx: Context): Actor {
    return (ctx as Context & { actor: Actor }).actor;
  }

  private async help(ctx: CommandContext<Context>): Promise<void> {
    const actor = this.actor(ctx);
    const lines = HELP.filter((h) => can(actor.role, h.permission)).map((h) => `${escapeHtml(h.command)} - ${escapeHtml(h.text)}`);
    await ctx.reply([`<b>Commands for ${escapeHtml(actor.name)} (${actor.role})</b>`, ...lines, '/help - this list'].join('\n'), {
      parse_mode: 'HTML',
    });
  }

  private async read(ctx: CommandContext<Context>, permission: Permission, answer: () => string): Promise<void> {
    const actor = this.actor(ctx);
    if (!can(actor.role, permission)) return this.deny(ctx, actor, `your role (${actor.role}) lacks ${permission}`);
    await ctx.reply(answer(), { parse_mode: 'HTML' });
  }

  private async pause(ctx: CommandContext<Context>): Promise<void> {
    const actor = this.actor(ctx);
    const [scope, ...words] = ctx.match.trim().split(/\s+/);
    const reason = words.join(' ');
    if (scope !== 'entry' && scope !== 'exit') {
      await ctx.reply('Usage: /pause entry|exit <reason> (other scopes and emergency stop: use the dashboard)');
      return;
    }
    if (reason.length < 3 || reason.length > 500) {
      await ctx.reply('Give a reason of 3 to 500 characters: /pause entry|exit <reason>');
      return;
    }
    await this.controlled(ctx, () => this.control.pause({ scope: scope as PauseScope, reason }, actor));
  }

  private async resume(ctx: CommandContext<Context>): Promise<void> {
    const actor = this.actor(ctx);
    const reason = ctx.match.trim();
    if (reason.length < 3 || reason.length > 500) {
      await ctx.reply('Give a reason of 3 to 500 characters: /resume <reason>');
      return;
    }
    await this.controlled(ctx, () => this.control.resume({ reason }, actor));
  }

  /** Runs a control call (it checks the role and audits, as over HTTP) and says what the bot now reports. */
  private async controlled(
    ctx: CommandContext<Context>,
    call: () => Promise<{ success: boolean; changed?: boolean; message?: string; pause_state?: { paused: boolean; scope: string } }>,
  ): Promise<void> {
    try {
      const result = await call();
      const state = result.pause_state
        ? `now ${result.pause_state.paused ? `paused (${result.pause_state.scope})` : 'running, not paused'}`
        : '';
      await ctx.reply(
        `${result.success ? 'Done' : 'Not confirmed'}${result.message ? `: ${result.message}` : ''}. The bot is ${state || 'in an unknown state'}.`,
      );
    } catch (error) {
      await ctx.reply(`Refused: ${error instanceof AppException ? error.message : 'the control center could not do it (see its log)'}`);
      if (!(error instanceof AppException)) throw error;
    }
  }

  private async ack(ctx: CommandContext<Context>): Promise<void> {
    const actor = this.actor(ctx);
    if (!can(actor.role, Permission.AlertsAck)) return this.deny(ctx, actor, `your role (${actor.role}) lacks ${Permission.AlertsAck}`);
    const id = ctx.match.trim();
    if (!/^al_[0-9a-f-]{36}$/.test(id)) {
      await ctx.reply('Usage: /ack <alert id> (the id is at the end of each alert)');
      return;
    }
    const alert = await this.engine.acknowledge(id, actor);
    if (!alert) {
      await ctx.reply(`No alert ${id}.`);
      return;
    }
    await this.audit.record({
      action: 'alert.ack',
      outcome: 'success',
      actor,
      target: id,
      detail: { via: 'telegram', type: alert.type, metric_key: alert.metricKey },
    });
    await ctx.reply(`Acknowledged ${alert.title} (${id}): repeats stop until the severity rises.`);
  }

  private async deny(ctx: CommandContext<Context>, actor: Actor, reason: string): Promise<void> {
    await this.audit.record({
      action: 'telegram.command',
      outcome: 'denied',
      actor,
      statusCode: 403,
      detail: { command: ctx.message?.text?.split(' ')[0], reason },
    });
    await ctx.reply(`Not allowed: ${reason}.`);
  }
}
