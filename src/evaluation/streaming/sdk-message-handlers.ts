import { dataSyncTimestamp, echoJson, PONG_JSON } from '../../core/sdk/sdk-payloads';
import { isRecord, parseSdkUser, userSignature } from '../../core/sdk/sdk-user';
import type { Metrics } from '../../core/ports/metrics.port';
import type { EndUserPublisher } from '../insights/end-user-publisher';
import { FullSyncSender } from './full-sync-sender';
import type { SdkConnection } from './sdk-connection';

// SDK → server messages (docs/reference/wire-protocol.md#message-framing): ping, echo, data-sync,
// reached through the gateway's @SubscribeMessage handlers (the adapter matches the type
// case-insensitively and ignores anything else, and anything malformed, without a reply).

const PONG = Buffer.from(PONG_JSON);
const EMPTY_SERVER_PATCH = Buffer.from(
  '{"messageType":"data-sync","data":{"eventType":"patch","featureFlags":[],"segments":[]}}',
);

/** What the gateway's handlers do; a failure throws (the gateway closes that one connection). */
export class SdkMessageHandlers {
  private readonly fullSyncs: FullSyncSender;
  private readonly resume = (conn: SdkConnection) => (data: unknown) => this.dataSync(conn, data);

  constructor(
    private readonly endUsers: EndUserPublisher,
    metrics: Metrics,
    onError: (conn: SdkConnection, err: unknown) => void,
  ) {
    this.fullSyncs = new FullSyncSender(metrics, onError);
  }

  ping(conn: SdkConnection): void {
    conn.send(PONG);
  }

  echo(conn: SdkConnection, data: unknown): void {
    conn.send(echoJson(data));
  }

  dataSync(conn: SdkConnection, data: unknown): void {
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
