import { Histogram, nowUs } from './histogram';
import type { StormJob, StormReport } from './protocol';
import { streamingToken } from './token';
import { textFrame, type WsHandler, WsConnection, type WsTarget } from './ws-client';

// Connection storm: new server-SDK connections at a fixed rate, each opening, asking for a full
// data-sync, checking it and closing (the server then closes TCP, so TIME_WAIT stays on its side).

export const FULL_PREFIX = Buffer.from('{"messageType":"data-sync","data":{"eventType":"full"');
const DATA_SYNC_FULL = textFrame('{"messageType":"data-sync","data":{"timestamp":0}}');
const TICK_MS = 5;
const MAX_STARTS_PER_TICK = 400;

class StormConnection extends WsConnection {
  startedAt = 0;
  openedAt = 0;
  synced = false;
}

export function runStorm(job: StormJob): Promise<StormReport> {
  return new Promise((resolve) => {
    const latency = new Histogram();
    const handshake = new Histogram();
    const problems: Record<string, number> = {};
    const inFlight = new Set<StormConnection>();
    let started = 0;
    let synced = 0;
    let closedClean = 0;
    let maxStartLagMs = 0;
    const problem = (what: string) => (problems[what] = (problems[what] ?? 0) + 1);

    const handler: WsHandler<StormConnection> = {
      onOpen(conn) {
        conn.openedAt = nowUs();
        handshake.record(conn.openedAt - conn.startedAt);
        conn.sendFrame(DATA_SYNC_FULL);
      },
      onMessage(conn, payload, length) {
        if (conn.synced) return problem('unexpected message after the full sync');
        if (!startsWith(payload, FULL_PREFIX)) return problem('first message is not a full data-sync');
        if (job.fullLength !== null && length !== job.fullLength) {
          problem(`full sync of ${length} bytes instead of ${job.fullLength}`);
        }
        conn.synced = true;
        synced++;
        latency.record(nowUs() - conn.startedAt);
        conn.close(1000);
      },
      onClose(conn, code, error) {
        inFlight.delete(conn);
        if (conn.synced && code === 1000) closedClean++;
        else if (!conn.synced) problem(error ?? `closed (${code}) before the full sync`);
        else if (error !== null) problem(`after sync: ${error}`);
        if (finishedStarting && inFlight.size === 0) done();
      },
    };

    const targets: WsTarget[] = [];
    for (const address of job.plan.localAddresses) {
      for (const ep of job.plan.endpoints)
        targets.push({ host: ep.host, port: ep.port, localAddress: address });
    }
    const start = (): void => {
      const t = targets[started % targets.length];
      const conn = new StormConnection(
        t,
        `/streaming?type=server&token=${streamingToken(job.secret)}`,
        handler,
        64 * 1024,
      );
      conn.startedAt = nowUs();
      inFlight.add(conn);
      started++;
    };

    const t0 = performance.now();
    let finishedStarting = false;
    let finished = false;
    const pacer = setInterval(() => {
      const elapsed = performance.now() - t0;
      if (elapsed >= job.durationMs) {
        clearInterval(pacer);
        finishedStarting = true;
        if (inFlight.size === 0) done();
        return;
      }
      const target = Math.floor((elapsed / 1000) * job.ratePerSec);
      const behind = target - started;
      if (behind > 0) {
        // The next start was due at started/rate; beyond one tick of granularity it is late.
        const lag = elapsed - (started / job.ratePerSec) * 1000 - TICK_MS;
        if (lag > maxStartLagMs) maxStartLagMs = lag;
      }
      for (let i = 0; i < Math.min(behind, MAX_STARTS_PER_TICK); i++) start();
    }, TICK_MS);
    const reaper = setInterval(() => {
      const limit = nowUs() - job.timeoutMs * 1000;
      for (const conn of inFlight) {
        if (conn.startedAt < limit) {
          problem('timeout');
          conn.destroy();
        }
      }
    }, 250);

    function done(): void {
      if (finished) return;
      finished = true;
      clearInterval(reaper);
      resolve({
        started,
        synced,
        closedClean,
        problems,
        latency: latency.toJSON(),
        handshake: handshake.toJSON(),
        maxStartLagMs,
        windowMs: job.durationMs,
      });
    }
  });
}

export function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
