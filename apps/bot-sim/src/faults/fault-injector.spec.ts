import { describe, expect, it } from 'vitest';
import { FaultInjector, pathMatches } from './fault-injector';
import { oversize } from './fault-hooks';

describe(FaultInjector.name, () => {
  it('matches exact paths and prefixes ending in *', () => {
    expect(pathMatches(undefined, '/health')).toBe(true);
    expect(pathMatches(['/internal/stats'], '/internal/stats')).toBe(true);
    expect(pathMatches(['/internal/stats'], '/internal/statsx')).toBe(false);
    expect(pathMatches(['/internal/positions*'], '/internal/positions/pos_1')).toBe(true);
    expect(pathMatches(['/internal/*'], '/health')).toBe(false);
  });

  it('wears a fault out after `times` hits', () => {
    const faults = new FaultInjector();
    faults.add({ type: 'http500', times: 2 });
    expect(faults.take(['http500'], '/health')).toBeDefined();
    expect(faults.take(['http500'], '/health')).toBeDefined();
    expect(faults.take(['http500'], '/health')).toBeUndefined();
    expect(faults.list()).toHaveLength(0);
  });

  it('adds up latency faults that apply to the path only', () => {
    const faults = new FaultInjector();
    faults.add({ type: 'latency', ms: 100 });
    faults.add({ type: 'latency', ms: 50, paths: ['/internal/stats'] });
    expect(faults.latencyFor('/internal/stats')).toBe(150);
    expect(faults.latencyFor('/health')).toBe(100);
  });

  it('clears everything and reports what it cleared', () => {
    const faults = new FaultInjector();
    faults.add({ type: 'garbage' });
    faults.add({ type: 'hang' });
    expect(faults.clear().map((f) => f.type)).toEqual(['garbage', 'hang']);
    expect(faults.take(['garbage', 'hang'], '/health')).toBeUndefined();
  });
});

describe(oversize.name, () => {
  it('grows the positions map past the size with valid position entries', () => {
    const body = JSON.stringify({ pos_1: { position_id: 'pos_1', asset: 'SOL' } });
    const out = JSON.parse(oversize(body, '/internal/positions', 100_000)) as Record<string, { position_id: string }>;
    expect(JSON.stringify(out).length).toBeGreaterThan(100_000);
    for (const [id, p] of Object.entries(out)) expect(p.position_id).toBe(id);
  });

  it('pads any other object with a field and keeps it valid JSON', () => {
    const out = oversize('{"status":"healthy"}', '/health', 50_000);
    expect(out.length).toBeGreaterThan(50_000);
    expect(JSON.parse(out)).toMatchObject({ status: 'healthy' });
  });
});
