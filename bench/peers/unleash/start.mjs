// Starts Unleash's open-source server for `npm run bench:peers` (bench/peers/run.ts spawns it with
// `taskset -c <core> node start.mjs`). Configuration comes from the environment the bench sets:
//   PEER_PORT            port on 127.0.0.1
//   PEER_ADMIN_URL       a PostgreSQL URL able to create databases (the bench's server)
//   PEER_DATABASE        the database to create (if missing) and run Unleash on
//   INIT_ADMIN_API_TOKENS / INIT_CLIENT_API_TOKENS / INIT_FRONTEND_API_TOKENS: Unleash's own
//                        variables for API tokens created at start-up
// Prints "peer ready <port>" once it listens.
import pg from 'pg';
import { LogLevel, start } from 'unleash-server';

const port = Number(process.env.PEER_PORT ?? 4242);
const adminUrl = process.env.PEER_ADMIN_URL;
const database = process.env.PEER_DATABASE ?? 'unleash_peer';
if (adminUrl === undefined) throw new Error('PEER_ADMIN_URL is required');
if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`bad database name ${database}`);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (rowCount === 0) await admin.query(`create database ${database}`);
} finally {
  await admin.end();
}

// Unleash reads these when start() builds its configuration. Its SDK routes are rate-limited per
// minute by default (20,000): lifted, since the bench measures throughput, not the limiter.
process.env.SEND_TELEMETRY ??= 'false';
process.env.SDK_API_RATE_LIMIT_PER_MINUTE ??= '1000000000';
process.env.TOKEN_AUTHENTICATION_RATE_LIMIT_PER_MINUTE ??= '1000000000';

const url = new URL(adminUrl);
await start({
  db: {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    ssl: false,
  },
  server: { host: '127.0.0.1', port, enableRequestLogger: false, gracefulShutdownEnable: true },
  logLevel: LogLevel.warn,
  versionCheck: { enable: false },
  telemetry: false,
  // Tokens only (no demo login): every measured request is authenticated, as ours are.
  authentication: { type: 'open-source', enableApiToken: true, createAdminUser: true },
});
console.log(`peer ready ${port}`);
