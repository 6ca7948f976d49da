import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError } from './config/app-config';
import { describeConfig, loadAppConfig } from './config/load-app-config';
import { createPinoLogger } from './infrastructure/logging/pino-logger';
import { isEdge, parseRoles, roleArgument, RoleParseError, withEdgeArguments } from './roles/role';

/* eslint-disable no-console -- before the logger exists, errors go straight to stderr */
function fail(message: string, code: number): never {
  console.error(`featbit-ts: ${message}`);
  process.exit(code);
}

/** The message for a listen error the operator fixes with PORT or HOST, else null. */
function listenProblem(err: unknown, host: string, port: number): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const where = `${host}:${port}`;
  const hint = 'set PORT to another port (and HOST to choose the interface)';
  if (code === 'EADDRINUSE') return `port ${port} is already in use on ${host} (EADDRINUSE): ${hint}`;
  if (code === 'EACCES') return `not allowed to listen on ${where} (EACCES): ${hint}`;
  if (code === 'EADDRNOTAVAIL') return `no interface with address ${host} (EADDRNOTAVAIL): set HOST`;
  return null;
}

async function main(): Promise<void> {
  let roles;
  try {
    roles = parseRoles(roleArgument(process.argv.slice(2), process.env.ROLES));
  } catch (err) {
    if (err instanceof RoleParseError) fail(err.message, 2);
    throw err;
  }
  let config;
  try {
    config = loadAppConfig(withEdgeArguments(process.argv.slice(2), process.env), roles);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 1);
    throw err;
  }
  /* eslint-enable no-console */

  const logger = createPinoLogger(config.logging);
  const app = await createApp(config, logger);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting', { graceMs: config.server.shutdownGraceMs });
      process.exit(1);
    }, config.server.shutdownGraceMs);
    force.unref();
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error('shutdown failed', { error: err instanceof Error ? err.message : String(err) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  try {
    await app.listen({ port: config.server.port, host: config.server.host, backlog: 4096 });
  } catch (err) {
    const reason = listenProblem(err, config.server.host, config.server.port);
    if (reason === null) throw err;
    // One line an operator can act on instead of a stack trace; close what start-up opened first.
    await Promise.race([app.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    fail(reason, 1);
  }
  const base = `http://${config.server.host === '0.0.0.0' ? 'localhost' : config.server.host}:${config.server.port}`;
  const urls: Record<string, string> = { health: `${base}/health/readiness` };
  if (config.roles.includes('api'))
    Object.assign(urls, { console: `${base}/`, api: `${base}/api/v1`, docs: `${base}/docs` });
  if (config.roles.includes('evaluation') || isEdge(config.roles)) {
    Object.assign(urls, { streaming: `${base.replace(/^http/, 'ws')}/streaming`, sdk: `${base}/api/public` });
  }
  logger.info('featbit-ts started', { ...describeConfig(config), urls });
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console
  console.error('featbit-ts: fatal error during start-up', err);
  process.exit(1);
});
