import type { BotPositionDetail } from '@dnb/contracts';

/**
 * Where the model records what the production bot would persist (state.db). The store
 * implements it; unit tests record into memory.
 */
export interface SimJournal {
  savePositions(rows: { id: string; openedAt: number; detail: BotPositionDetail }[], now: number): void;
  deletePosition(id: string): void;
  action(type: string, data: Record<string, unknown>, now: number): void;
  state(key: string, value: unknown, now: number): void;
}

/** Keeps everything in memory; for unit tests and for inspecting a run. */
export class MemoryJournal implements SimJournal {
  readonly positions = new Map<string, BotPositionDetail>();
  readonly actions: { type: string; data: Record<string, unknown>; at: number }[] = [];
  readonly states = new Map<string, unknown>();

  savePositions(rows: { id: string; detail: BotPositionDetail }[]): void {
    for (const row of rows) this.positions.set(row.id, row.detail);
  }
  deletePosition(id: string): void {
    this.positions.delete(id);
  }
  action(type: string, data: Record<string, unknown>, now: number): void {
    this.actions.push({ type, data, at: now });
  }
  state(key: string, value: unknown): void {
    this.states.set(key, value);
  }
}
