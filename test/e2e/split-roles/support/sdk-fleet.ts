import { FbClientBuilder, type IFbClient, type IUser, UserBuilder } from '@featbit/node-server-sdk';
import type { RunningProduct } from '../../support/product';

// One official FeatBit Node.js server SDK per evaluation process, streaming. Each client's log is
// kept, so a test can tell whether its WebSocket ever closed or reconnected.

export interface FleetMember {
  target: RunningProduct;
  client: IFbClient;
  log: string[];
}

const SDK_USER: IUser = new UserBuilder('split-roles-observer').name('observer').build();

function recordingLogger(log: string[]) {
  const write =
    (level: string) =>
    (...args: unknown[]) =>
      log.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')}`);
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}

/**
 * Builds a client with the timers it starts synchronously unref'd: the SDK's start-wait timer is
 * never cleared, and would otherwise keep Jest alive for `startWaitTime` after the last test.
 */
function buildUnrefTimers(builder: FbClientBuilder): IFbClient {
  const original = global.setTimeout;
  global.setTimeout = ((...args: Parameters<typeof setTimeout>) =>
    original(...args).unref()) as unknown as typeof setTimeout;
  try {
    return builder.build();
  } finally {
    global.setTimeout = original;
  }
}

export class SdkFleet {
  private constructor(readonly members: FleetMember[]) {}

  static async connect(targets: RunningProduct[], serverSecret: string): Promise<SdkFleet> {
    const members = targets.map((target) => {
      const log: string[] = [];
      const client = buildUnrefTimers(
        // A short ping interval also bounds how long the ping timer outlives close().
        new FbClientBuilder({ webSocketPingInterval: 2_000 })
          .sdkKey(serverSecret)
          .streamingUri(target.wsUrl)
          .eventsUri(target.baseUrl)
          .startWaitTime(30_000)
          .flushInterval(1_000)
          .logger(recordingLogger(log))
          .logLevel('info'),
      );
      return { target, client, log };
    });
    const fleet = new SdkFleet(members);
    try {
      await Promise.all(members.map((m) => m.client.waitForInitialization()));
    } catch (err) {
      await fleet.close();
      throw err;
    }
    return fleet;
  }

  /** The string variation each client serves the observer user right now. */
  values(flagKey: string): Promise<string[]> {
    return Promise.all(this.members.map((m) => m.client.stringVariation(flagKey, SDK_USER, '<default>')));
  }

  /** Waits until every client serves `expected`; fails with what each one serves. */
  async waitForValue(flagKey: string, expected: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      seen = await this.values(flagKey);
      if (seen.every((v) => v === expected)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `SDKs serve ${JSON.stringify(seen)} for ${flagKey} after ${timeoutMs} ms, expected "${expected}"`,
    );
  }

  /** How often each client opened its WebSocket, and how often it saw it close. */
  connections(): { opened: number; closed: number }[] {
    return this.members.map((m) => ({
      opened: m.log.filter((l) => l.includes('WebSocket connection succeeded')).length,
      closed: m.log.filter((l) => l.includes('WebSocket closed')).length,
    }));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.members.map((m) => m.client.close()));
  }
}
