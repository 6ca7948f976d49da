import { clientSyncEnvelope, serverSyncJson } from '../../core/sdk/sdk-payloads';
import type { EnvironmentState, FlagEntry, SegmentEntry } from './environment-state';

// Pushes of a change to the connections of one environment (featbit-protocol.md §3.6.6). The
// server patch is serialized once and the same bytes go to every server connection; each client
// connection gets the changed flags evaluated for its user. FeatBit pushes even when a client's
// result did not change; so do we (SDKs accept equal versions, and skipping would need per-connection
// result memory).

/** Sends a flag change; returns how many connections were written to. */
export function pushFlagChange(state: EnvironmentState, entry: FlagEntry): number {
  let sent = 0;
  if (state.servers.size > 0) {
    const patch = Buffer.from(serverSyncJson('patch', [entry.json], []));
    for (const conn of state.servers) {
      if (!conn.synced) continue;
      conn.send(patch);
      sent++;
    }
  }
  sent += pushClientFlags(state, [entry]);
  return sent;
}

/** Sends a segment change: the segment to server SDKs, the affected flags to client SDKs. */
export function pushSegmentChange(
  state: EnvironmentState,
  segment: SegmentEntry,
  affected: FlagEntry[],
): number {
  let sent = 0;
  if (state.servers.size > 0) {
    const patch = Buffer.from(serverSyncJson('patch', [], [segment.json]));
    for (const conn of state.servers) {
      if (!conn.synced) continue;
      conn.send(patch);
      sent++;
    }
  }
  if (affected.length > 0) sent += pushClientFlags(state, affected);
  return sent;
}

function pushClientFlags(state: EnvironmentState, entries: readonly FlagEntry[]): number {
  let sent = 0;
  const items: string[] = new Array<string>(entries.length);
  for (const conn of state.clients) {
    const user = conn.user;
    if (user === null || !conn.synced) continue; // no data-sync yet: nothing to evaluate for
    for (let i = 0; i < entries.length; i++) items[i] = state.clientItem(entries[i], user);
    conn.send(clientSyncEnvelope('patch', conn.userKeyJson, items));
    sent++;
  }
  return sent;
}
