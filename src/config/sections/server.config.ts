import { resolve } from 'node:path';
import { bool, httpUrl, int, list, path, text } from '../env-parsers';
import { variable } from '../env-variable.types';
import { defaultPort } from '../../roles/role';

/**
 * The built console inside the installation (this file is in src/config/sections/ or
 * dist/config/sections/), so that `node /opt/featbit-ts/dist/main.js` finds it from any directory.
 */
const DEFAULT_UI_DIR = resolve(__dirname, '../../../apps/admin-ui/dist/admin-ui/browser');

/** AppConfig.server, plus ROLES (read by main.ts before the configuration: it picks the roles). */
export const SERVER_CONFIG = {
  roles: variable({
    name: 'ROLES',
    description: 'Roles to run when --role is not given: all, api, evaluation, analytics or a comma list',
    parser: text(),
    default: 'all',
  }),
  port: variable({
    name: 'PORT',
    description: 'HTTP port of this process',
    parser: int(1, 65535),
    default: ({ roles }) => defaultPort(roles),
    defaultText: '5000 (all, api), 5100 (evaluation), 5200 (analytics)',
  }),
  host: variable({ name: 'HOST', description: 'Interface to listen on', parser: text(), default: '0.0.0.0' }),
  dataDir: variable({
    name: 'DATA_DIR',
    description: 'Directory of the embedded database (PGlite) and other local state',
    parser: path(),
    default: ({ cwd }) => resolve(cwd, 'data'),
    defaultText: './data',
  }),
  uiDir: variable({
    name: 'UI_DIR',
    description:
      'Built admin console served at / by the api role (a relative value resolves against the working directory)',
    parser: path(),
    default: DEFAULT_UI_DIR,
    defaultText: 'apps/admin-ui/dist/admin-ui/browser inside the installation',
  }),
  publicApiUrl: variable({
    name: 'PUBLIC_API_URL',
    description: 'Management API URL shown in the console',
    parser: httpUrl(),
    default: null,
    defaultText: 'the request origin',
    aliases: [{ name: 'DISPLAY_API_URL' }],
  }),
  publicEvaluationUrl: variable({
    name: 'PUBLIC_EVALUATION_URL',
    description: 'Evaluation server URL shown to SDK users in the console',
    parser: httpUrl(),
    default: null,
    defaultText: 'the request origin',
    aliases: [{ name: 'DISPLAY_EVALUATION_URL' }],
  }),
  /** '*' or explicit origins. */
  corsOrigins: variable({
    name: 'CORS_ORIGINS',
    description: 'Allowed browser origins (comma list) for SDK and API routes',
    parser: list(),
    default: ['*'],
    aliases: [{ name: 'Cors__AllowedOrigins' }],
  }),
  trustProxy: variable({
    name: 'TRUST_PROXY',
    description: 'Trust X-Forwarded-* headers (behind a reverse proxy)',
    parser: bool(),
    default: false,
  }),
  shutdownGraceMs: variable({
    name: 'SHUTDOWN_GRACE_MS',
    description: 'Time allowed to drain requests and connections on SIGTERM',
    parser: int(0, 600_000),
    default: 10_000,
  }),
};
