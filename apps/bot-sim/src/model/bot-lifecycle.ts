import type { SimEngine } from './sim-engine';

export interface StartupTiming {
  /** Real ms with no bot object: /health says "starting", /internal/* answer 503. */
  startingMs: number;
  /** Real ms between two positions reappearing while "recovering". */
  recoveryStepMs: number;
}

/**
 * Drives a (re)start on real time: starting -> recovering (positions reappear one by
 * one) -> running. The market keeps moving meanwhile; only the bot is away.
 */
export class BotLifecycle {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly engine: () => SimEngine,
    private readonly onPhase: (phase: string) => void = () => undefined,
  ) {}

  start(timing: StartupTiming): void {
    this.cancel();
    this.engine().beginStartup();
    this.onPhase('starting');
    this.timer = setTimeout(() => this.recover(timing.recoveryStepMs), timing.startingMs);
  }

  private recover(stepMs: number): void {
    const engine = this.engine();
    engine.beginRecovery();
    this.onPhase('recovering');
    const next = () => {
      const [id] = engine.unrecovered();
      if (id === undefined) return this.finishNow();
      engine.reveal(id);
      this.timer = setTimeout(next, stepMs);
    };
    // The first position appears only after a step: an empty list while recovering is normal.
    this.timer = setTimeout(next, stepMs);
  }

  /** Ends a (re)start at once: every position visible, the bot running. */
  finishNow(): void {
    this.cancel();
    if (this.engine().phase === 'running') return;
    this.engine().setRunning();
    this.onPhase('running');
  }

  get inProgress(): boolean {
    return this.timer !== null;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
