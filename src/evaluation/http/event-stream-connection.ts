import type { ServerResponse } from 'node:http';
import type { EnvEventStream } from '../environments/environment-state';

// One open OFREP event stream (text/event-stream, docs/evaluation-server.md#push-event-streams). The SSE
// framing is a few lines: `data:` events, `:` comments as heartbeats, `retry:` and `id:` fields.

/** Browsers wait this long before reconnecting a dropped stream. */
export const RETRY_MS = 5_000;
/** A stream whose client does not read (unsent data above this) is closed. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export const HEARTBEAT = ': ping\n\n';

export function refetchEvent(revision: number): string {
  return (
    `id: ${revision}\n` +
    `data: ${JSON.stringify({ type: 'refetchEvaluation', etag: String(revision), lastModified: revision })}\n\n`
  );
}

/**
 * Sent first. The `id` makes a reconnecting EventSource send Last-Event-ID even when it heard no
 * event yet, which is how a reconnect is told apart from a first connect.
 */
export function openingFields(revision: number): string {
  return `retry: ${RETRY_MS}\nid: ${revision}\n\n`;
}

export class EventStreamConnection implements EnvEventStream {
  private pendingRevision = 0;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly res: ServerResponse,
    /** Fingerprint of the secret the stream's token was issued for. */
    readonly fingerprint: string,
  ) {}

  /** Changes applied in the same turn of the event loop (a reload, a burst) make one event. */
  notify(revision: number): void {
    if (this.closed) return;
    this.pendingRevision = Math.max(this.pendingRevision, revision);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.write(refetchEvent(this.pendingRevision));
    });
  }

  write(text: string): void {
    if (this.closed || this.res.destroyed) return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.res.destroy();
      return;
    }
    this.res.write(text);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.res.destroyed) this.res.end();
  }

  /** The response closed, whatever ended it. */
  markClosed(): void {
    this.closed = true;
  }
}

type Headers = Record<string, string | string[] | undefined>;

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim();
}

/**
 * The origin the caller reached, as Fastify derives it: X-Forwarded-Proto/-Host only with
 * TRUST_PROXY. null when the host is missing or not a plain host[:port] (never echoed then).
 */
export function requestOrigin(headers: Headers, encrypted: boolean, trustProxy: boolean): string | null {
  let proto = encrypted ? 'https' : 'http';
  let host = first(headers.host);
  if (trustProxy) {
    const forwardedProto = first(headers['x-forwarded-proto'])?.toLowerCase();
    if (forwardedProto === 'http' || forwardedProto === 'https') proto = forwardedProto;
    const forwardedHost = first(headers['x-forwarded-host']);
    if (forwardedHost !== undefined && forwardedHost !== '') host = forwardedHost;
  }
  if (host === undefined || !HOST.test(host)) return null;
  return `${proto}://${host}`;
}
