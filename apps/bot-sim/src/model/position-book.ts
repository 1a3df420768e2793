import { compactDate } from '../common/naive-time';
import type { PositionState } from './position';

/**
 * The positions the bot holds in memory, in the order they were opened (a Python dict
 * keeps insertion order, and so does the wire). Ids look like pos_20250204000001.
 */
export class PositionBook {
  private readonly positions = new Map<string, PositionState>();
  private counter = 0;

  nextId(openedAt: number): string {
    this.counter += 1;
    return `pos_${compactDate(openedAt)}${String(this.counter).padStart(6, '0')}`;
  }

  add(position: PositionState): void {
    this.positions.set(position.id, position);
  }

  get(id: string): PositionState | undefined {
    return this.positions.get(id);
  }

  remove(id: string): PositionState | undefined {
    const position = this.positions.get(id);
    this.positions.delete(id);
    return position;
  }

  all(): PositionState[] {
    return [...this.positions.values()];
  }

  open(): PositionState[] {
    return this.all().filter((p) => p.status === 'open');
  }

  get size(): number {
    return this.positions.size;
  }

  clear(): void {
    this.positions.clear();
    this.counter = 0;
  }
}
