import {
  agentCounts,
  agentStatus,
  groupServes,
  isAgentHost,
  isAvailable,
  parseServe,
  scopesFor,
  servesText,
} from './relay-proxy-view';

describe('relay proxy view', () => {
  it('reads a serves entry, with or without names', () => {
    expect(parseServe('e1,Web app/Prod')).toEqual({ envId: 'e1', project: 'Web app', env: 'Prod' });
    expect(parseServe('e1,a/b/Prod')).toEqual({ envId: 'e1', project: 'a/b', env: 'Prod' });
    expect(parseServe('e1')).toEqual({ envId: 'e1', project: '', env: 'e1' });
  });

  it('groups served environments by project in the server order', () => {
    const serves = ['1,Web/Dev', '2,Mobile/Prod', '3,Web/Prod'];
    expect(groupServes(serves)).toEqual([
      { project: 'Web', envs: ['Dev', 'Prod'] },
      { project: 'Mobile', envs: ['Prod'] },
    ]);
    expect(servesText(serves)).toBe('Web / Dev, Web / Prod, Mobile / Prod');
    expect(groupServes([])).toEqual([]);
  });

  it('counts agents', () => {
    expect(agentCounts({ agents: [{}], autoAgents: [{}, {}] })).toEqual({ total: 3, auto: 2, manual: 1 });
  });

  it('reads an auto agent report, tolerating what the agent sent', () => {
    expect(agentStatus({ status: '{}' })).toEqual({
      syncState: null,
      serves: null,
      dataVersion: null,
      lastSyncedAt: null,
    });
    expect(
      agentStatus({
        status: JSON.stringify({ syncState: 'Stable', serves: 'web:dev', dataVersion: 7, lastSyncedAt: 'x' }),
      }),
    ).toEqual({ syncState: 'Stable', serves: 'web:dev', dataVersion: 7, lastSyncedAt: 'x' });
    expect(agentStatus({ status: 'not json', serves: 'web:prod', dataVersion: 9 })).toMatchObject({
      serves: 'web:prod',
      dataVersion: 9,
    });
    expect(agentStatus({ status: '[1]' }).syncState).toBeNull();
  });

  it('sends no scopes for every environment and no duplicates otherwise', () => {
    expect(scopesFor(true, ['a'])).toEqual([]);
    expect(scopesFor(false, ['a', 'b', 'a'])).toEqual(['a', 'b']);
  });

  it('accepts the agent hosts the server accepts', () => {
    expect(isAgentHost('http://relay.internal:6100')).toBe(true);
    expect(isAgentHost(' https://relay.example.com ')).toBe(true);
    expect(isAgentHost('ftp://relay')).toBe(false);
    expect(isAgentHost('http://u:p@relay')).toBe(false);
    expect(isAgentHost('http://relay?x=1')).toBe(false);
    expect(isAgentHost('relay:6100')).toBe(false);
    expect(isAvailable(200)).toBe(true);
    expect(isAvailable(503)).toBe(false);
  });
});
