import type { RawData } from 'ws';
import { dataSyncTimestamp, echoJson, parseSdkMessage, PONG_JSON } from '../../core/sdk/sdk-payloads';
import { isRecord, parseSdkUser, userSignature } from '../../core/sdk/sdk-user';
import type { Logger } from '../../core/ports/logger.port';
import type { Metrics } from '../../core/ports/metrics.port';
import type { EndUserPublisher } from '../insights/end-user-publisher';
import { FullSyncSender } from './full-sync-sender';
import { CLOSE_POLICY, type SdkConnection } from './sdk-connection';

// SDK → server messages (docs/reference/wire-protocol.md#message-framing): ping, echo, data-sync; the type is
// matched case-insensitively; anything else, and anything malformed, is ignored without a reply.

const PONG = Buffer.from(PONG_JSON);
const EMPTY_SERVER_PATCH = Buffer.from(
  '{"messageType":"data-sync","data":{"eventType":"patch","featureFlags":[],"segments":[]}}',
);

/** Messages one connection may send per sweep window before it is closed (SDKs send ~1 per 15 s). */
export const MAX_MESSAGES_PER_WINDOW = 100;

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export class MessageDispatcher {
  private readonly fullSyncs: FullSyncSender;
  private readonly resume = (conn: SdkConnection) => (data: unknown) => this.dataSync(conn, data);

  constructor(
    private readonly endUsers: EndUserPublisher,
    private readonly log: Logger,
    metrics: Metrics,
    onError: (conn: SdkConnection, err: unknown) => void,
  ) {
    this.fullSyncs = new FullSyncSender(metrics, onError);
  }

  handle(conn: SdkConnection, data: RawData, now: number): void {
    if (conn.closing) return;
    conn.lastSeen = now;
    if (++conn.messages > MAX_MESSAGES_PER_WINDOW) {
      this.log.warn('closing a connection that sends too many messages', { envId: conn.env.envId });
      conn.close(CLOSE_POLICY, 'too many messages');
      return;
    }
    const message = parseSdkMessage(toText(data));
    if (message === null) return;
    switch (message.type) {
      case 'ping':
        conn.send(PONG);
        return;
      case 'echo':
        conn.send(echoJson(message.data));
        return;
      case 'data-sync':
        this.dataSync(conn, message.data);
        return;
      default:
        // Unknown types (and relay-proxy's rp-agent-status) are ignored, as FeatBit does.
        return;
    }
  }

  private dataSync(conn: SdkConnection, data: unknown): void {
    const timestamp = dataSyncTimestamp(data);
    if (timestamp === null) return;
    if (conn.waiting !== null) {
      // A compressed full sync is on its way to this connection: this one is answered after it.
      conn.waiting.push(data);
      return;
    }
    const env = conn.env;
    if (conn.kind === 'server') {
      const body = env.serverSyncBody(timestamp);
      if (timestamp === 0 && body !== null) {
        this.fullSyncs.sendServer(conn, body, this.resume(conn));
        return;
      }
      conn.send(body?.plain ?? EMPTY_SERVER_PATCH);
      conn.synced = true;
      return;
    }
    const user = parseSdkUser(isRecord(data) ? data.user : undefined);
    if (user === null) return; // FeatBit logs and sends nothing
    const signature = userSignature(user);
    if (signature !== conn.userSignature) conn.attachUser(user, signature);
    this.endUsers.enqueueSeen(env.envId, user);
    const payload = env.clientSync(user, conn.userKeyJson, signature, timestamp);
    if (timestamp === 0 && payload !== null) {
      this.fullSyncs.sendClient(conn, payload, this.resume(conn));
      return;
    }
    // WS always replies, even with an empty patch.
    conn.send(
      payload ??
        `{"messageType":"data-sync","data":{"eventType":"patch","userKeyId":${conn.userKeyJson},"featureFlags":[]}}`,
    );
    conn.synced = true;
  }
}
