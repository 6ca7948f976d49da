import { int, oneOf, text } from '../env-parsers';
import { COOKIE_SECURE_MODES, variable } from '../env-variable.types';

/** AppConfig.auth. */
export const AUTH_CONFIG = {
  /** null: a key is generated once (embedded database only). */
  jwtSecret: variable({
    name: 'JWT_SECRET',
    description:
      'HS256 key for console sessions (≥ 32 chars), the same on every api replica; required for the api role on PostgreSQL/MongoDB; when unset on the embedded database, generated into DATA_DIR/jwt-secret (mode 0600)',
    parser: text(32),
    default: null,
    defaultText: 'generated (embedded database only)',
    secret: true,
    aliases: [{ name: 'Jwt__Key' }],
  }),
  issuer: variable({
    name: 'JWT_ISSUER',
    description: 'JWT issuer',
    parser: text(),
    default: 'featbit',
    aliases: [{ name: 'Jwt__Issuer' }],
  }),
  audience: variable({
    name: 'JWT_AUDIENCE',
    description: 'JWT audience',
    parser: text(),
    default: 'featbit-api',
    aliases: [{ name: 'Jwt__Audience' }],
  }),
  accessTokenTtlSeconds: variable({
    name: 'ACCESS_TOKEN_TTL_SECONDS',
    description: 'Lifetime of a console access token',
    parser: int(30, 86_400),
    default: 900,
  }),
  refreshTokenTtlDays: variable({
    name: 'REFRESH_TOKEN_TTL_DAYS',
    description: 'Lifetime of a refresh token (rotated on every use)',
    parser: int(1, 365),
    default: 30,
  }),
  cookieSecure: variable({
    name: 'COOKIE_SECURE',
    description: 'Secure flag of the refresh cookie: auto follows the request scheme',
    parser: oneOf(COOKIE_SECURE_MODES),
    default: 'auto',
  }),
  adminEmail: variable({
    name: 'ADMIN_EMAIL',
    description: 'E-mail of the first admin account created at first boot',
    parser: text(),
    default: 'admin@featbit.local',
  }),
  adminPassword: variable({
    name: 'ADMIN_PASSWORD',
    description:
      'Password of the first admin; when unset a random one is written to DATA_DIR/initial-admin-password (mode 0600)',
    parser: text(8),
    default: null,
    defaultText: 'random',
    secret: true,
  }),
  loginMaxAttemptsPerAccount: variable({
    name: 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT',
    description: 'Failed logins allowed per account per 15 minutes',
    parser: int(1, 100_000),
    default: 10,
  }),
  loginMaxAttemptsPerIp: variable({
    name: 'LOGIN_MAX_ATTEMPTS_PER_IP',
    description: 'Login attempts allowed per client address per 15 minutes',
    parser: int(1, 1_000_000),
    default: 100,
  }),
};
