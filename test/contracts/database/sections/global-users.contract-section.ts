import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { EndUserQuery } from '../../../../src/core/ports/users-and-events.repositories';
import { newId } from '../contract-fixtures';

// Global users (envId null, owned by a workspace) and FeatBit's paged end-user query over an
// environment's users with or without them.

export function globalUsersSection(store: () => DataStore): void {
  const query = (q: Partial<EndUserQuery> & Pick<EndUserQuery, 'envId' | 'globalOfWorkspace'>) =>
    store().endUsers.query({
      pageIndex: 0,
      pageSize: 50,
      searchKeyId: true,
      searchName: true,
      searchProperties: [],
      excludedKeyIds: [],
      ...q,
    });
  const keys = (page: { items: { keyId: string }[] }) => page.items.map((u) => u.keyId).sort();

  it('upserts global users per workspace idempotently and keeps them apart from environments', async () => {
    const ws = newId();
    const other = newId();
    const users = [
      { keyId: 'g1', name: 'One', customizedProperties: [{ name: 'team', value: 'ops' }] },
      { keyId: 'g2', name: null, customizedProperties: [] },
    ];
    expect(await store().endUsers.upsertGlobalMany(ws, users)).toEqual({ written: 2 });
    expect(await store().endUsers.upsertGlobalMany(ws, users)).toEqual({ written: 0 });
    expect(await store().endUsers.upsertGlobalMany(ws, [{ ...users[0], name: 'Uno' }])).toEqual({
      written: 1,
    });
    expect(await store().endUsers.upsertGlobalMany(other, [users[0]])).toEqual({ written: 1 });

    const page = await query({ envId: null, globalOfWorkspace: ws });
    expect(page.totalCount).toBe(2);
    expect(page.items.find((u) => u.keyId === 'g1')).toMatchObject({
      envId: null,
      workspaceId: ws,
      name: 'Uno',
      customizedProperties: [{ name: 'team', value: 'ops' }],
    });
    // An environment user with the same key is a different user.
    const envId = newId();
    await store().endUsers.upsert({ envId, keyId: 'g1', name: 'Env', customizedProperties: [] });
    expect(keys(await query({ envId, globalOfWorkspace: null }))).toEqual(['g1']);
    expect((await query({ envId, globalOfWorkspace: ws })).totalCount).toBe(3);
  });

  it('searches keyId, name and chosen properties, excludes keys and pages newest first', async () => {
    const ws = newId();
    const envId = newId();
    for (const [keyId, name, plan] of [
      ['alice', 'Alice', 'pro'],
      ['bob', 'Bob', 'free'],
      ['carol', 'Carol', 'pro'],
    ]) {
      await store().endUsers.upsert({
        envId,
        keyId,
        name,
        customizedProperties: [{ name: 'plan', value: plan }],
      });
      await new Promise((r) => setTimeout(r, 3));
    }
    await store().endUsers.upsertGlobalMany(ws, [
      { keyId: 'g-100%', name: 'Global', customizedProperties: [] },
    ]);

    expect(keys(await query({ envId, globalOfWorkspace: ws, searchText: 'O' }))).toEqual([
      'bob',
      'carol',
      'g-100%',
    ]);
    expect(keys(await query({ envId, globalOfWorkspace: ws, searchText: '%' }))).toEqual(['g-100%']);
    const byPlan = await query({
      envId,
      globalOfWorkspace: null,
      searchText: 'PRO',
      searchKeyId: false,
      searchName: false,
      searchProperties: ['plan'],
    });
    expect(keys(byPlan)).toEqual(['alice', 'carol']);
    const none = await query({
      envId,
      globalOfWorkspace: null,
      searchText: 'a',
      searchKeyId: false,
      searchName: false,
    });
    expect(none.totalCount).toBe(0);
    const excluded = await query({ envId, globalOfWorkspace: ws, excludedKeyIds: ['alice', 'g-100%'] });
    expect(keys(excluded)).toEqual(['bob', 'carol']);
    const picked = await query({ envId, globalOfWorkspace: ws, keyIds: ['alice', 'g-100%', 'nobody'] });
    expect(keys(picked)).toEqual(['alice', 'g-100%']);
    expect((await query({ envId, globalOfWorkspace: ws, keyIds: [] })).totalCount).toBe(0);

    const first = await query({ envId, globalOfWorkspace: null, pageSize: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.items.map((u) => u.keyId)).toEqual(['carol', 'bob']);
    const second = await query({ envId, globalOfWorkspace: null, pageSize: 2, pageIndex: 1 });
    expect(second.items.map((u) => u.keyId)).toEqual(['alice']);
  });
}
