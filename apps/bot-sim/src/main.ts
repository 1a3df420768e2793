import { createLogger, type Logger } from './common/logger';
import { loadSimEnv, SimEnvError, type SimEnv } from './config/sim-env.config';
import { createControlServer } from './control/control-server';
import { BotServer } from './http/bot-server';
import { SimRuntime } from './sim-runtime';
import { StateStore } from './store/state-store';

async function main(): Promise<void> {
  let env: SimEnv;
  try {
    env = loadSimEnv(process.env);
  } catch (error) {
    if (!(error instanceof SimEnvError)) throw error;
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service: 'bot-sim', msg: error.message })}\n`);
    process.exit(1);
  }
  const logger = createLogger(env.logLevel);
  const store = new StateStore(env.stateDbPath, (err, what) => logger.error({ err, what }, 'state.db write failed'));
  const runtime = new SimRuntime(env, store, logger);
  const bot = new BotServer(runtime, logger);
  runtime.attachListener(bot);
  const control = createControlServer(runtime, logger);

  await control.listen({ host: env.controlHost, port: env.controlPort });
  await bot.listen();
  runtime.boot();
  logger.info(
    {
      bot: `http://${env.host}:${env.port}`,
      control: `http://${env.controlHost}:${env.controlPort}`,
      tier: env.tier,
      seed: env.seed,
      speed: env.speed,
      tickMs: env.tickMs,
      stateDb: env.stateDbPath,
      initialPositions: env.initialPositions,
    },
    'bot simulator started',
  );
  installShutdown(logger, async () => {
    await runtime.shutdown();
    await Promise.allSettled([bot.close(), control.close()]);
    store.close();
  });
}

/** SIGTERM/SIGINT: close listeners and the db, then exit 0; a second signal or 10 s forces it. */
function installShutdown(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'bot-sim', msg: 'startup failed', err: String((error as Error)?.stack ?? error) })}\n`,
  );
  process.exit(1);
});
