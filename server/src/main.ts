import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { createStore } from './storage/createStore.js';

/** Entry point: parse config, open and migrate storage, listen, and close gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Boussole cannot start.\n${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const store = createStore(config);
  await store.migrate();
  const app = await buildApp({ config, store });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: flushing every room');
    const force = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  // The setup link comes before 'listening', which tools and tests take as the ready signal:
  // once that line is out, everything the first start has to say has been said.
  if ((await app.access.accounts.count()) === 0) {
    // The one secret ever written to the log, on purpose: like other self-hosted tools, the
    // first start hands whoever runs it the way to create the administrator. It works once.
    // At warn level: something is waiting for the operator, even with LOG_LEVEL=warn.
    const token = app.access.setup.open();
    app.log.warn(
      { setupUrl: `${address.replace('127.0.0.1', 'localhost')}/setup#${token}` },
      'No account yet: open this link once to create the administrator',
    );
  }
  const port = app.server.address();
  app.log.info(
    {
      url: address,
      port: typeof port === 'object' && port ? port.port : config.port,
      storage: store.kind,
    },
    'Boussole is listening',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Boussole failed to start: ${String(error instanceof Error ? error.stack : error)}\n`,
  );
  process.exit(1);
});
