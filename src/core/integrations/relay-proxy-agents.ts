import { parseBoundedJson } from '../json/bounded-json';
import type { RelayProxyAutoAgent } from './integrations';

// The agents a relay proxy knows of by themselves (FeatBit's AutoAgents): registered through
// /api/public/agent/register, then reporting their status over the relay stream every minute
// (docs/relay-proxies.md#agents). Everything an agent sends is bounded before it is stored.

/**
 * FeatBit limits registrations by licence; everything is free here, but one proxy's row must not
 * grow without bound: at most this many registered agents per proxy (older ones can be removed).
 */
export const MAX_AUTO_AGENTS_PER_PROXY = 100;
/** Longest agent id kept (FeatBit's agents use a GUID or a host name). */
export const MAX_AGENT_ID_LENGTH = 128;
/** Longest status text kept (the agent's report is about 200 bytes). */
export const MAX_AGENT_STATUS_LENGTH = 4096;

export function isAgentId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    value.length <= MAX_AGENT_ID_LENGTH &&
    // Printable characters only: the id is shown in the console.
    /^[\x20-\x7e]+$/.test(value)
  );
}

export type RegisterOutcome =
  { kind: 'registered'; autoAgents: RelayProxyAutoAgent[] } | { kind: 'known' } | { kind: 'full' };

/** FeatBit adds the agent once, newest first; a known id is left as it is. */
export function registerAutoAgent(
  autoAgents: readonly RelayProxyAutoAgent[],
  agentId: string,
  now: string,
): RegisterOutcome {
  if (autoAgents.some((a) => a.id === agentId)) return { kind: 'known' };
  if (autoAgents.length >= MAX_AUTO_AGENTS_PER_PROXY) return { kind: 'full' };
  return {
    kind: 'registered',
    autoAgents: [{ id: agentId, status: '{}', registeredAt: now }, ...autoAgents],
  };
}

/** An `rp-agent-status` message's data, or null when it is not one (ignored). */
export function parseAgentStatusMessage(data: unknown): { agentId: string; status: string } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { agentId, status } = data as Record<string, unknown>;
  if (!isAgentId(agentId) || typeof status !== 'string' || status.length > MAX_AGENT_STATUS_LENGTH)
    return null;
  return { agentId, status };
}

/**
 * Stores a status report on the agent's entry (FeatBit sets `status` only; the reported time and
 * what it serves are lifted out for the list). Returns null when the agent is not registered.
 */
export function applyAgentStatus(
  autoAgents: readonly RelayProxyAutoAgent[],
  agentId: string,
  status: string,
  now: string,
): RelayProxyAutoAgent[] | null {
  const index = autoAgents.findIndex((a) => a.id === agentId);
  if (index < 0) return null;
  const report = readReport(status);
  const updated: RelayProxyAutoAgent = { ...autoAgents[index], status, reportedAt: now };
  if (report.serves !== undefined) updated.serves = report.serves;
  if (report.dataVersion !== undefined) updated.dataVersion = report.dataVersion;
  const next = [...autoAgents];
  next[index] = updated;
  return next;
}

/** The agent's Status record (serves, dataVersion, syncState …); anything unexpected is left out. */
function readReport(status: string): { serves?: string; dataVersion?: number } {
  const parsed = parseBoundedJson(status);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return {};
  const report = parsed.value as Record<string, unknown>;
  const out: { serves?: string; dataVersion?: number } = {};
  if (typeof report.serves === 'string') out.serves = report.serves.slice(0, MAX_AGENT_STATUS_LENGTH);
  if (typeof report.dataVersion === 'number' && Number.isSafeInteger(report.dataVersion))
    out.dataVersion = report.dataVersion;
  return out;
}
