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
    return {
      apiUrl: api.url,
      api,
      sim,
      async stop() {
        await api.stop();
        await sim.stop();
      },
    };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
