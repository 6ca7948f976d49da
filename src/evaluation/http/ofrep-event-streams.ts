import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';
import {
  issueStreamToken,
  secretFingerprint,
  type StreamTokenClaims,
  verifyStreamToken,
} from '../../core/sdk/ofrep-stream-token';
import type { SecretContext } from '../../core/tenancy/tenancy';
import { SECURITY_HEADERS } from '../../shared/http/security-headers';
import { SecretResolver } from '../auth/secret-resolver';
import type { EnvironmentState } from '../environments/environment-state';
import { EnvironmentRegistry } from '../environments/environment-registry';
import { clientAddress, ConnectionsPerAddress } from '../streaming/connections-per-address';
import { EventStreamConnection, HEARTBEAT, openingFields, requestOrigin } from './event-stream-connection';
import type { Authorized } from './sdk-auth';
import { secretFromHeaders, sendError } from './sdk-auth';

// OFREP's event-stream extension (docs/evaluation-server.md#push-event-streams): every successful bulk
// evaluation advertises one SSE stream for the caller's environment; the stream says
// `refetchEvaluation` whenever a flag or segment of it changes (change-fanout.ts), and the provider
// re-fetches the bulk evaluation. The URL carries a signed, expiring token (ofrep-stream-token.ts).

export const EVENT_STREAM_PATH = '/ofrep/v1/event-stream';

const TOKEN_TTL_MS = 24 * 3_600_000;
/**
 * A token is reused this long, so that refetches return the same URL and the provider keeps its
 * open EventSource (a changed URL makes it reconnect).
 */
const TOKEN_REUSE_MS = 3_600_000;
const HEARTBEAT_MS = 20_000;
const MAX_REMEMBERED_SECRETS = 50_000;

const BAD_TOKEN = 'invalid or expired event-stream token';

interface Issued {
  token: string;
  issuedAt: number;
}

@Injectable()
export class OfrepEventStreams implements OnModuleDestroy {
  private readonly key: Buffer;
  private readonly perAddress: ConnectionsPerAddress;
  private readonly trustProxy: boolean;
  private readonly publicBase: string | null;
  /** Per secret: the token last issued. */
  private readonly issued = new Map<string, Issued>();
  /** Fingerprint → secret, for secrets this replica issued tokens for (revocation ends their streams). */
  private readonly secretsByFingerprint = new Map<string, string>();
  private readonly streams = new Set<EventStreamConnection>();
  private heartbeat: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly log: Logger;

  constructor(
    config: AppConfig,
    private readonly secrets: SecretResolver,
    private readonly registry: EnvironmentRegistry,
    logger: Logger,
  ) {
    const configured = config.evaluation.ofrepStreamKey;
    this.key = configured === null ? randomBytes(32) : Buffer.from(configured, 'utf8');
    // The same bound as WebSocket streaming (WS_MAX_CONNECTIONS_PER_IP), counted separately.
    this.perAddress = new ConnectionsPerAddress(config.limits.wsMaxConnectionsPerIp);
    this.trustProxy = config.server.trustProxy;
    this.publicBase = config.server.publicEvaluationUrl?.replace(/\/+$/, '') ?? null;
    this.log = logger.child({ component: 'ofrep-event-stream' });
  }

  /** The `eventStreams` member of a bulk answer (JSON text, starting with its comma). */
  advertise(req: IncomingMessage, ok: Authorized): string {
    const secret = secretFromHeaders(req.headers);
    if (secret === null) return '';
    const token = this.tokenFor(secret, ok.context);
    const requestUri = `${EVENT_STREAM_PATH}?token=${token}`;
    const origin = this.publicBase ?? requestOrigin(req.headers, isEncrypted(req), this.trustProxy);
    // Without a trustworthy origin the structured form lets the provider use its baseUrl's origin.
    const stream =
      origin !== null ? { type: 'sse', url: origin + requestUri } : { type: 'sse', endpoint: { requestUri } };
    return `,"eventStreams":${JSON.stringify([stream])}`;
  }

  private tokenFor(secret: string, context: SecretContext, now = Date.now()): string {
    const known = this.issued.get(secret);
    if (known !== undefined && now - known.issuedAt < TOKEN_REUSE_MS) return known.token;
    const fingerprint = secretFingerprint(this.key, secret);
    const claims: StreamTokenClaims = { context, fingerprint, expiresAt: now + TOKEN_TTL_MS };
    const token = issueStreamToken(this.key, claims);
    remember(this.issued, secret, { token, issuedAt: now });
    remember(this.secretsByFingerprint, fingerprint, secret);
    return token;
  }

  /** GET /ofrep/v1/event-stream?token=…: a 401/429/503 answer, or the stream kept open. */
  async open(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const token = (req.query as Record<string, unknown> | undefined)?.token;
    const check = verifyStreamToken(this.key, token, Date.now());
    if (!check.ok) return sendError(reply, 401, BAD_TOKEN);
    const { context, fingerprint } = check.claims;
    if ((await this.secretRevoked(fingerprint)) === true) return sendError(reply, 401, BAD_TOKEN);
    if (this.closing) return sendError(reply, 503, 'the server is shutting down');
    const address = clientAddress(req.raw, this.trustProxy);
    if (!this.perAddress.tryAcquire(address)) {
      return sendError(reply, 429, 'too many open event streams from this address');
    }
    let state: EnvironmentState;
    try {
      state = this.registry.get(context.envId) ?? (await this.registry.acquire(context));
    } catch {
      this.perAddress.release(address);
      return sendError(reply, 503, 'the evaluation server cannot reach its store; retry later');
    }
    if (state.removed || this.closing) {
      this.perAddress.release(address);
      return sendError(reply, 401, BAD_TOKEN);
    }
    this.stream(req, reply, state, fingerprint, address);
    return reply;
  }

  private stream(
    req: FastifyRequest,
    reply: FastifyReply,
    state: EnvironmentState,
    fingerprint: string,
    address: string,
  ): void {
    reply.hijack();
    const res = reply.raw;
    // Hijacked: Fastify's onSend hooks do not run, so the headers they add are written here
    // (the CORS headers were set on the reply by the onRequest hook).
    const headers: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) headers[name] = value;
    for (const [name, value] of SECURITY_HEADERS) headers[name] = value;
    headers['x-request-id'] = req.id;
    headers['content-type'] = 'text/event-stream; charset=utf-8';
    headers['cache-control'] = 'no-cache, no-transform';
    headers['x-accel-buffering'] = 'no'; // nginx: do not buffer the stream
    res.writeHead(200, headers);
    req.raw.socket.setNoDelay(true);
    req.raw.socket.setTimeout(0);

    const conn = new EventStreamConnection(res, fingerprint);
    const revision = Date.now();
    conn.write(openingFields(revision));
    // A reconnect may have missed changes: the client re-fetches at once.
    if (req.headers['last-event-id'] !== undefined) conn.notify(revision);
    state.eventStreams.add(conn);
    this.streams.add(conn);
    this.startHeartbeat();
    res.once('close', () => {
      conn.markClosed();
      state.eventStreams.delete(conn);
      this.streams.delete(conn);
      this.perAddress.release(address);
      this.log.debug('event stream closed', { envId: state.envId, open: this.streams.size });
    });
    this.log.debug('event stream opened', { envId: state.envId, open: this.streams.size });
  }

  /** True when a secret this replica knows was revoked; undefined when it cannot tell. */
  private async secretRevoked(fingerprint: string): Promise<boolean | undefined> {
    const secret = this.secretsByFingerprint.get(fingerprint);
    if (secret === undefined) return undefined;
    const cached = this.secrets.cached(secret);
    if (cached !== undefined) return cached === null;
    try {
      return (await this.secrets.resolve(secret)) === null;
    } catch {
      return undefined; // the store cannot answer: keep serving (as SDK authentication does)
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== null) return;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Keeps proxies from timing the streams out, and ends those whose secret was revoked. */
  private beat(): void {
    if (this.streams.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
      return;
    }
    const verdicts = new Map<string, Promise<boolean | undefined>>();
    for (const conn of this.streams) {
      conn.write(HEARTBEAT);
      let verdict = verdicts.get(conn.fingerprint);
      if (verdict === undefined) {
        verdict = this.secretRevoked(conn.fingerprint);
        verdicts.set(conn.fingerprint, verdict);
      }
      void verdict.then((revoked) => {
        if (revoked === true) conn.close();
      });
    }
  }

  /** Shutdown: every stream ends cleanly (browsers reconnect, to another replica or after restart). */
  onModuleDestroy(): void {
    this.closing = true;
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const conn of [...this.streams]) conn.close();
  }
}

function isEncrypted(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true;
}

/** Bounded insertion-ordered map: the oldest entry goes first. */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= MAX_REMEMBERED_SECRETS) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
