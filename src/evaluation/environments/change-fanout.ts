import { CLIENT_SYNC_TAIL, serverSyncJson } from '../../core/sdk/sdk-payloads';
import { joinedTextFrame } from '../streaming/text-frame';
import type { EnvironmentState, FlagEntry, SegmentEntry } from './environment-state';

// Pushes of a change to the connections of one environment (docs/reference/wire-protocol.md#change-pushes).
// The server patch is serialized once and the same bytes go to every server connection; each client
// connection gets the changed flags evaluated for its user. FeatBit pushes even when a client's result did
// not change; so do we (SDKs accept equal versions, and skipping would need per-connection result memory).
// OFREP event streams only hear that something changed (their clients re-fetch the bulk evaluation).
// `tally` is given only when the change is traced (docs/observability.md#tracing): it then receives the
// bytes written; untraced pushes skip the count.

/** Bytes written by one fan-out (src/infrastructure/observability/change-tracing.ts). */
interface Tally {
  bytes: number;
}

/** Sends a flag change; returns how many connections were written to. */
export function pushFlagChange(state: EnvironmentState, entry: FlagEntry, tally?: Tally): number {
  let sent = 0;
  if (state.servers.size > 0) {
    const patch = Buffer.from(serverSyncJson('patch', [entry.json], []));
    for (const conn of state.servers) {
      if (!conn.synced) continue;
      conn.send(patch);
      sent++;
    }
    if (tally !== undefined) tally.bytes += sent * patch.length;
  }
  sent += pushClientFlags(state, [entry], tally);
  return sent + notifyEventStreams(state, entry.ts);
}

/** Sends a segment change: the segment to server SDKs, the affected flags to client SDKs. */
export function pushSegmentChange(
  state: EnvironmentState,
  segment: SegmentEntry,
  affected: FlagEntry[],
  tally?: Tally,
): number {
  let sent = 0;
  if (state.servers.size > 0) {
    const patch = Buffer.from(serverSyncJson('patch', [], [segment.json]));
    for (const conn of state.servers) {
      if (!conn.synced) continue;
      conn.send(patch);
      sent++;
    }
    if (tally !== undefined) tally.bytes += sent * patch.length;
  }
  if (affected.length > 0) {
    sent += pushClientFlags(state, affected, tally);
    sent += notifyEventStreams(state, segment.ts);
  }
  return sent;
}

function notifyEventStreams(state: EnvironmentState, revision: number): number {
  for (const stream of state.eventStreams) stream.notify(revision);
  return state.eventStreams.size;
}

const TAIL = Buffer.from(CLIENT_SYNC_TAIL);

// Each client frame is assembled from bytes encoded earlier (the connection's envelope head, the
// item per evaluation result, the tail): no per-user text is built or UTF-8 encoded, which halves
// the per-user work of the loop and the garbage it leaves.
function pushClientFlags(state: EnvironmentState, entries: readonly FlagEntry[], tally?: Tally): number {
  let sent = 0;
  const items: Buffer[] = new Array<Buffer>(entries.length);
  for (const conn of state.clients) {
    const user = conn.user;
    if (user === null || !conn.synced) continue; // no data-sync yet: nothing to evaluate for
    for (let i = 0; i < entries.length; i++) items[i] = state.clientItem(entries[i], user).bytes;
    const frame = joinedTextFrame(conn.clientPatchHead(), items, TAIL);
    conn.sendFrame(frame);
    if (tally !== undefined) tally.bytes += frame.length;
    sent++;
  }
  return sent;
}
