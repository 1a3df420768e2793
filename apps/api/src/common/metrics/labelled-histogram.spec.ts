import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LabelledHistogram } from './labelled-histogram';

const BUCKETS = [0.001, 0.005, 0.01, 0.1, 1];

describe('LabelledHistogram', () => {
  it('exposes exactly what prom-client’s Histogram exposes for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const fast = new LabelledHistogram<'method' | 'route'>('x_seconds', 'help text', ['method', 'route'], BUCKETS, ours);
    const reference = new Histogram<'method' | 'route'>({
      name: 'x_seconds',
      help: 'help text',
      labelNames: ['method', 'route'],
      buckets: BUCKETS,
      registers: [theirs],
    });
    const samples: Array<[string, string, number]> = [
      ['GET', '/a', 0.0005],
      ['GET', '/a', 0.001],
      ['GET', '/a', 0.004],
      ['POST', '/b', 0.5],
      ['POST', '/b', 3],
      ['GET', '/a', 0.01],
    ];
    for (const [method, route, value] of samples) {
      fast.labels({ method, route }).observe(value);
      reference.observe({ method, route }, value);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('gives the same series back for the same labels, and resets with the registry', async () => {
    const registry = new Registry();
    const fast = new LabelledHistogram<'a'>('y_seconds', 'h', ['a'], BUCKETS, registry);
    expect(fast.labels({ a: '1' })).toBe(fast.labels({ a: '1' }));
    fast.labels({ a: '1' }).observe(0.002);
    expect(await registry.metrics()).toContain('y_seconds_count{a="1"} 1');
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('y_seconds_count');
  });
});
