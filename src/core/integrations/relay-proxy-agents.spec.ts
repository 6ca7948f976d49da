import { parseRemovalMessage } from '../messages/removal.message';
import {
  applyAgentStatus,
  MAX_AGENT_STATUS_LENGTH,
  MAX_AUTO_AGENTS_PER_PROXY,
  parseAgentStatusMessage,
  registerAutoAgent,
} from './relay-proxy-agents';
import { isRelayProxyKey, newRelayProxyKey, relayProxyKeyHash } from './relay-proxy-key';

const AT = '2026-01-01T00:00:00.000Z';

describe('relay-proxy agents and keys', () => {
  it('registers an agent once, newest first, up to the maximum', () => {
    const first = registerAutoAgent([], 'a', AT);
    expect(first).toEqual({ kind: 'registered', autoAgents: [{ id: 'a', status: '{}', registeredAt: AT }] });
    if (first.kind !== 'registered') throw new Error('registered');
    expect(registerAutoAgent(first.autoAgents, 'a', AT)).toEqual({ kind: 'known' });
    const second = registerAutoAgent(first.autoAgents, 'b', AT);
    expect(second.kind === 'registered' && second.autoAgents.map((x) => x.id)).toEqual(['b', 'a']);
    const full = Array.from({ length: MAX_AUTO_AGENTS_PER_PROXY }, (_, i) => ({
      id: `x${i}`,
      status: '{}',
      registeredAt: AT,
    }));
    expect(registerAutoAgent(full, 'new', AT)).toEqual({ kind: 'full' });
  });

  it('stores status reports, lifting serves and dataVersion out, and survives garbage', () => {
    const agents = [{ id: 'a', status: '{}', registeredAt: AT }];
    const status = JSON.stringify({ serves: 'p:dev', dataVersion: 5, syncState: 'Stable' });
    expect(applyAgentStatus(agents, 'a', status, AT)).toEqual([
      { id: 'a', status, registeredAt: AT, reportedAt: AT, serves: 'p:dev', dataVersion: 5 },
    ]);
    expect(applyAgentStatus(agents, 'a', 'not json', AT)).toEqual([
      { id: 'a', status: 'not json', registeredAt: AT, reportedAt: AT },
    ]);
    expect(applyAgentStatus(agents, 'b', '{}', AT)).toBeNull();
    expect(
      parseAgentStatusMessage({ agentId: 'a', status: 'x'.repeat(MAX_AGENT_STATUS_LENGTH + 1) }),
    ).toBeNull();
    expect(parseAgentStatusMessage({ agentId: '', status: '{}' })).toBeNull();
    expect(parseAgentStatusMessage([1])).toBeNull();
    expect(parseAgentStatusMessage({ agentId: 'a', status: '{}' })).toEqual({ agentId: 'a', status: '{}' });
  });

  it('makes rp- keys that are recognised and hashed; other secrets are not keys', () => {
    const key = newRelayProxyKey();
    expect(isRelayProxyKey(key)).toBe(true);
    expect(relayProxyKeyHash(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(isRelayProxyKey('E0ZC__zC8EeQoxEDF-iR9g-JtrIvNK-k-bARYicOTNQA')).toBe(false);
    expect(isRelayProxyKey('rp-')).toBe(false);
    expect(isRelayProxyKey('rp-a b')).toBe(false);
  });

  it('carries relay-proxy changes on the removal topic', () => {
    expect(parseRemovalMessage('{"kind":"relay-proxy","relayProxyIds":["p"]}')).toEqual({
      ok: true,
      value: { kind: 'relay-proxy', relayProxyIds: ['p'] },
    });
    expect(parseRemovalMessage({ kind: 'relay-proxy', relayProxyIds: 'p' }).ok).toBe(false);
  });
});
