import { randomUUID } from 'node:crypto';
import type { FaultSpec, FaultType, FaultView } from '../control/control.types';

/** 'path' exact, or a prefix ending in '*'; no patterns means every path. */
export function pathMatches(patterns: readonly string[] | undefined, path: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p));
}

/** Faults that decide how a single request is answered (the others act on the listener or the lifecycle). */
export const REQUEST_FAULTS: readonly FaultType[] = ['latency', 'http500', 'garbage', 'truncated', 'oversized', 'hang'];

/** The active faults of the bot port. A fault with `times` wears out after that many hits. */
export class FaultInjector {
  private faults: FaultView[] = [];

  add(spec: FaultSpec): FaultView {
    const fault: FaultView = { ...spec, id: randomUUID().slice(0, 8), createdAt: new Date().toISOString(), hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): FaultView[] {
    return this.faults.map((f) => ({ ...f }));
  }

  has(type: FaultType): boolean {
    return this.faults.some((f) => f.type === type);
  }

  remove(id: string): FaultView | undefined {
    const fault = this.faults.find((f) => f.id === id);
    this.faults = this.faults.filter((f) => f.id !== id);
    return fault;
  }

  removeType(type: FaultType): FaultView[] {
    const gone = this.faults.filter((f) => f.type === type);
    this.faults = this.faults.filter((f) => f.type !== type);
    return gone;
  }

  clear(): FaultView[] {
    const gone = this.faults;
    this.faults = [];
    return gone;
  }

  /** Total extra latency for this request (latency faults add up), counting each hit. */
  latencyFor(path: string): number {
    let ms = 0;
    for (const f of this.faults.filter((x) => x.type === 'latency' && pathMatches(x.paths, path))) {
      ms += f.ms ?? 0;
      this.hit(f);
    }
    return ms;
  }

  /** The first response fault of the given types that applies to this request, counted as a hit. */
  take(types: readonly FaultType[], path: string): FaultView | undefined {
    const fault = this.faults.find((f) => types.includes(f.type) && pathMatches(f.paths, path));
    if (fault) this.hit(fault);
    return fault ? { ...fault } : undefined;
  }

  private hit(fault: FaultView): void {
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) this.faults = this.faults.filter((f) => f !== fault);
  }
}
