import type { BotStats } from '@dnb/contracts';
import { formatUptime } from '../common/naive-time';

/** The bot's in-memory counters; a restart starts them again, as a real process would. */
export class StatsCounter {
  startedAt: number;
  opportunitiesFound = 0;
  positionsOpened = 0;
  positionsClosed = 0;
  errorsCount = 0;
  /** Positions found at (re)start: held before, so not counted as opened by this run. */
  recovered = 0;

  constructor(now: number) {
    this.startedAt = now;
  }

  restart(now: number, recovered: number): void {
    this.startedAt = now;
    this.opportunitiesFound = 0;
    this.positionsOpened = 0;
    this.positionsClosed = 0;
    this.errorsCount = 0;
    this.recovered = recovered;
  }

  view(now: number): BotStats {
    const uptime = Math.max(0, (now - this.startedAt) / 1000);
    return {
      uptime_seconds: Math.round(uptime * 1000) / 1000,
      uptime_formatted: formatUptime(uptime),
      opportunities_found: this.opportunitiesFound,
      positions_opened: this.positionsOpened,
      positions_closed: this.positionsClosed,
      errors_count: this.errorsCount,
    };
  }
}
