import { Global, Injectable, Module } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { LabelledHistogram } from './labelled-histogram';

/** Seconds; from a cached read (~1 ms) to a bot call at its timeout (5 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type HttpLabels = 'method' | 'route' | 'status_code';
type BotLabels = 'path' | 'outcome';

/** Bot paths with an id in them are one series each (no id in a label). */
const botPathTemplate = (path: string) => path.replace(/^(\/internal\/positions\/)[^/?]+/, '$1:id').replace(/\?.*$/, '');

/**
 * The Prometheus registry (prom-client) and the instruments written on hot paths. Gauges and
 * counters read from other services at scrape time are registered by the metrics module.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  /** Written on every request: a series per label set, held by the caller (no hashing per observe). */
  private readonly http = new LabelledHistogram<HttpLabels>(
    'dnb_http_request_duration_seconds',
    'HTTP requests by method, route template and status code',
    ['method', 'route', 'status_code'],
    LATENCY_BUCKETS,
    this.registry,
  );
  private readonly bot = new Histogram<BotLabels>({
    name: 'dnb_bot_request_duration_seconds',
    help: "Calls to the bot's private API by path and outcome (ok, http_<status>, timeout, unreachable, too_large, invalid_body)",
    labelNames: ['path', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  /** One child per label set, found again without building label objects on every request. */
  private readonly httpChildren = new Map<string, { observe(value: number): void }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dnb_' });
  }

  /** `route` is the matched route's template (bounded); requests no route matched share one. */
  observeHttp(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    const key = `${method} ${route ?? ''} ${statusCode}`;
    let child = this.httpChildren.get(key);
    if (!child) {
      child = this.http.labels({ method, route: route ?? 'unmatched', status_code: String(statusCode) });
      this.httpChildren.set(key, child);
    }
    child.observe(seconds);
  }

  observeBotCall(path: string, outcome: string, seconds: number): void {
    this.bot.observe({ path: botPathTemplate(path), outcome }, seconds);
  }
}

/** Global: the HTTP hook, the bot client and the collectors all write to the one registry. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsCoreModule {}
