import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretContext } from '../../core/tenancy/tenancy';
import { SecretResolver } from '../auth/secret-resolver';
import type { EnvironmentState } from '../environments/environment-state';
import { EnvironmentRegistry } from '../environments/environment-registry';
import { type RateDecision, SdkRateLimiter } from './sdk-rate-limiter';
import { errorResponse, isSdkResponse, jsonResponse, type SdkResponse, sendResponse } from './sdk-response';

// REST authentication for SDK routes: the environment secret travels raw in `Authorization`
// (FeatBit SDKs); `Bearer <secret>` and `X-API-Key` are accepted too (OFREP providers). Unlike
// FeatBit, which only checks the format, the secret is looked up: an unknown secret gets 401.

export interface Authorized {
  context: SecretContext;
  env: EnvironmentState;
}

export type AuthOutcome = Authorized | SdkResponse;

const BEARER = /^bearer\s+/i;

type Headers = Record<string, string | string[] | undefined>;

export function secretFromHeaders(headers: Headers): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.trim() !== '') return auth.replace(BEARER, '').trim();
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return apiKey.trim();
  return null;
}

export function sendJson(reply: FastifyReply, status: number, body: string | Buffer): FastifyReply {
  return sendResponse(reply, jsonResponse(status, body));
}

export function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return sendResponse(reply, errorResponse(status, message));
}

export const RATE_LIMITED_BODY = '{"error":"Rate limit exceeded. Please try again later."}';

const NO_SECRET = errorResponse(401, 'the environment secret is required in the Authorization header');
const UNKNOWN_SECRET = errorResponse(401, 'invalid environment secret');
const SERVER_ONLY = errorResponse(403, 'this endpoint requires a server-side secret');
const UNAVAILABLE = errorResponse(503, 'the evaluation server cannot reach its store; retry later');

export function isAuthorized(outcome: AuthOutcome): outcome is Authorized {
  return !isSdkResponse(outcome);
}

@Injectable()
export class SdkAuthenticator {
  constructor(
    private readonly secrets: SecretResolver,
    private readonly registry: EnvironmentRegistry,
    private readonly rateLimiter: SdkRateLimiter,
  ) {}

  /**
   * The caller's environment, loaded, or the error answer. Synchronous when the secret's answer is
   * cached and the environment loaded (the hot path); a promise otherwise. `serverOnly`: client
   * secrets are refused (they must never receive raw rules).
   */
  check(headers: Headers, serverOnly: boolean): AuthOutcome | Promise<AuthOutcome> {
    const secret = secretFromHeaders(headers);
    if (secret === null) return NO_SECRET;
    const context = this.secrets.cached(secret);
    if (context === undefined) return this.resolveThenCheck(secret, serverOnly);
    return this.admit(secret, context, serverOnly);
  }

  /** Fastify routes: sends the error answer itself and returns null. */
  async authorize(req: FastifyRequest, reply: FastifyReply, serverOnly: boolean): Promise<Authorized | null> {
    const outcome = await this.check(req.headers, serverOnly);
    if (isAuthorized(outcome)) return outcome;
    sendResponse(reply, outcome);
    return null;
  }

  private async resolveThenCheck(secret: string, serverOnly: boolean): Promise<AuthOutcome> {
    let context: SecretContext | null;
    try {
      context = await this.secrets.resolve(secret);
    } catch {
      return UNAVAILABLE;
    }
    return this.admit(secret, context, serverOnly);
  }

  private admit(
    secret: string,
    context: SecretContext | null,
    serverOnly: boolean,
  ): AuthOutcome | Promise<AuthOutcome> {
    if (context === null) return UNKNOWN_SECRET;
    if (serverOnly && context.type !== 'server') return SERVER_ONLY;
    const decision = this.rateLimiter.check(secret);
    // A promise only when the counters live in Redis (shared by the replicas).
    if (decision instanceof Promise) return decision.then((d) => this.withinLimit(d, context));
    return this.withinLimit(decision, context);
  }

  private withinLimit(decision: RateDecision, context: SecretContext): AuthOutcome | Promise<AuthOutcome> {
    if (!decision.ok) {
      return jsonResponse(429, RATE_LIMITED_BODY, [['retry-after', String(decision.retryAfterSeconds)]]);
    }
    const env = this.registry.get(context.envId);
    if (env !== undefined) return { context, env };
    return this.registry.acquire(context).then(
      (loaded): AuthOutcome => ({ context, env: loaded }),
      (): AuthOutcome => UNAVAILABLE,
    );
  }
}
