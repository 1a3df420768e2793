import { rmSync } from 'node:fs';
import { startApi, type ApiOptions, type RunningApi } from './api';
import { startSim, type SimOptions } from './sim';

export type RunningSim = Awaited<ReturnType<typeof startSim>>;

export interface StackOptions {
  sim?: SimOptions;
  api?: Partial<ApiOptions>;
  /** Give the API the simulator's state.db read-only (BOT_STATE_DB), as in production. */
  shareStateDb?: boolean;
}

export interface RunningStack {
  apiUrl: string;
  api: RunningApi;
  sim: RunningSim;
  stop(): Promise<void>;
}

/** The real simulator and the real built API wired together on free loopback ports. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const sim = await startSim(options.sim ?? {});
  try {
    const api = await startApi({
      botApiUrl: sim.url,
      botAdminKey: sim.adminKey,
      ...options.api,
      env: { ...(options.shareStateDb === false ? {} : { BOT_STATE_DB: sim.stateDbPath }), ...options.api?.env },
    });
    const running: RunningStack = {
      apiUrl: api.url,
      api,
      sim,
      async stop() {
        // The API may have been replaced by a restart (same port and data dir).
        await running.api.stop();
        if (running.api !== api) rmSync(api.dataDir, { recursive: true, force: true });
        await sim.stop();
      },
    };
    return running;
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
