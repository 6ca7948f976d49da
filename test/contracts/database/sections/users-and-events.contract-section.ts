import type { AuditLog } from '../../../../src/core/audit/audit-log';
import type { StoredEndUser } from '../../../../src/core/end-users/end-user';
import type { InsightEvent } from '../../../../src/core/insights/insight-event';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { CursorPage } from '../../../../src/core/shared/paging';
import { at, newId } from '../contract-fixtures';
import type { StoreCapabilities } from './store-behaviour.contract-section';

export interface EventTiming {
  insertMs: number;
  reinsertMs: number;
}

const audit = (overrides: Partial<AuditLog>): AuditLog => ({
  id: newId(),
  envId: '',
  organizationId: '',
  refId: newId(),
  refType: 'FeatureFlag',
  keyword: 'key,name',
  operation: 'Update',
  dataChange: { previous: '{"a":1}', current: '{"a":2}' },
  comment: '',
  creatorId: newId(),
  createdAt: at(0),
  ...overrides,
});

function events(envId: string, count: number, startUs: number): InsightEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    uuid: newId(),
    distinctId: `${envId}-flag`,
    envId,
    event: 'FlagValue',
    properties: JSON.stringify({ route: '/', flagId: 'f', variationId: `v${i % 3}`, tag_0: `user-${i}` }),
    timestamp: startUs + i,
  }));
}

export function usersAndEventsSection(
  store: () => DataStore,
  timing: (t: EventTiming) => void,
  caps: StoreCapabilities,
): void {
  const bulk = caps.bulkEvents?.count ?? 100_000;
  const bulkNote = caps.bulkEvents ? ` (${bulk.toLocaleString('en')}: ${caps.bulkEvents.reason})` : '';
  describe('end users', () => {
    it('upserts idempotently: creates, skips unchanged input (no write) and writes real changes', async () => {
      const envId = newId();
      const input = {
        envId,
        keyId: 'u-1',
        name: 'Ann',
        customizedProperties: [
          { name: 'plan', value: 'pro' },
          { name: 'age', value: '30' },
        ],
      };
      const first = await store().endUsers.upsert(input);
      expect(first).toMatchObject({ created: true, unchanged: false });
      expect(first.user.customizedProperties).toEqual([
        { name: 'age', value: '30' },
        { name: 'plan', value: 'pro' },
      ]);
      await new Promise((r) => setTimeout(r, 5));
      const reordered = await store().endUsers.upsert({
        ...input,
        customizedProperties: [...input.customizedProperties].reverse(),
      });
      expect(reordered).toMatchObject({ created: false, unchanged: true });
      expect(reordered.user.updatedAt).toBe(first.user.updatedAt);
      const renamed = await store().endUsers.upsert({ ...input, name: 'Anna' });
      expect(renamed).toMatchObject({
        created: false,
        unchanged: false,
        user: { id: first.user.id, name: 'Anna' },
      });
      const dropped = await store().endUsers.upsert({ ...input, name: 'Anna', customizedProperties: [] });
      expect(dropped.unchanged).toBe(false);
      expect((await store().endUsers.findById(first.user.id))!.customizedProperties).toEqual([]);
    });

    it('upserts batches, writing only new or changed users', async () => {
      const envId = newId();
      const batch = Array.from({ length: 300 }, (_, i) => ({
        envId,
        keyId: `k${i}`,
        name: `n${i}`,
        customizedProperties: [],
      }));
      expect(await store().endUsers.upsertMany(batch)).toEqual({ written: 300 });
      expect(await store().endUsers.upsertMany(batch)).toEqual({ written: 0 });
      const changed = batch.map((u, i) => (i < 10 ? { ...u, name: `changed${i}` } : u));
      // The same user twice in one batch: the last one wins.
      changed.push({ envId, keyId: 'k299', name: 'last-wins', customizedProperties: [] });
      expect(await store().endUsers.upsertMany(changed)).toEqual({ written: 11 });
      expect(
        (await store().endUsers.findByKeyIds(envId, ['k0', 'k299', 'nobody'])).map((u) => u.name).sort(),
      ).toEqual(['changed0', 'last-wins'].sort());
      expect(await store().endUsers.count(envId)).toBe(300);
      expect(await store().endUsers.upsertMany([])).toEqual({ written: 0 });
    });

    it('pages with cursors forward and backward, searches, counts, streams and deletes', async () => {
      const envId = newId();
      for (let i = 0; i < 25; i++) {
        await store().endUsers.upsert({
          envId,
          keyId: `user-${String(i).padStart(2, '0')}`,
          name: i === 7 ? 'Special Seven' : null,
          customizedProperties: [],
        });
      }
      const pages: CursorPage<StoredEndUser>[] = [await store().endUsers.search(envId, { pageSize: 10 })];
      while (pages[pages.length - 1].nextCursor) {
        pages.push(
          await store().endUsers.search(envId, { pageSize: 10, cursor: pages[pages.length - 1].nextCursor }),
        );
      }
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
      expect(pages[0].previousCursor).toBeNull();
      const seen = pages.flatMap((p) => p.items);
      expect(new Set(seen.map((u) => u.id)).size).toBe(25);
      const order = seen.map((u) => [u.updatedAt, u.id].join('|'));
      expect(order).toEqual([...order].sort().reverse());
      const back = await store().endUsers.search(envId, { pageSize: 10, cursor: pages[2].previousCursor });
      expect(back.items.map((u) => u.id)).toEqual(pages[1].items.map((u) => u.id));
      const back2 = await store().endUsers.search(envId, { pageSize: 10, cursor: back.previousCursor });
      expect(back2.items.map((u) => u.id)).toEqual(pages[0].items.map((u) => u.id));
      expect(back2.previousCursor).toBeNull();
      expect(back2.nextCursor).not.toBeNull();
      const found = await store().endUsers.search(envId, { pageSize: 10, searchText: 'special' });
      expect(found.items.map((u) => u.keyId)).toEqual(['user-07']);
      expect(await store().endUsers.count(envId, 'USER-1')).toBe(10);
      expect(await store().endUsers.count(envId)).toBe(25);
      const batches: number[] = [];
      for await (const b of store().endUsers.stream(envId, 'user-', 7)) batches.push(b.length);
      expect(batches).toEqual([7, 7, 7, 4]);
      await store().endUsers.delete(seen[0].id);
      expect(await store().endUsers.findById(seen[0].id)).toBeNull();
    });
  });

  describe('end-user properties', () => {
    it('registers new property names per environment and reports only the new ones', async () => {
      const envId = newId();
      expect(await store().endUserProperties.registerNames(envId, ['plan', 'age', 'plan'])).toEqual([
        'plan',
        'age',
      ]);
      expect(await store().endUserProperties.registerNames(envId, ['age', 'country'])).toEqual(['country']);
      expect(await store().endUserProperties.registerNames(newId(), ['age'])).toEqual(['age']);
      expect((await store().endUserProperties.list(envId)).map((p) => p.name).sort()).toEqual([
        'age',
        'country',
        'plan',
      ]);
    });

    it('upserts definitions by id with unique names per environment', async () => {
      const envId = newId();
      const def = {
        id: newId(),
        envId,
        name: 'tier',
        presetValues: [{ id: newId(), value: 'gold', description: '' }],
        usePresetValuesOnly: true,
        isBuiltIn: false,
        isDigestField: false,
        remark: '',
        createdAt: at(0),
        updatedAt: at(0),
      };
      expect(await store().endUserProperties.upsert(def)).toEqual(def);
      expect(await store().endUserProperties.upsert({ ...def, remark: 'r', updatedAt: at(1) })).toMatchObject(
        { remark: 'r' },
      );
      await expect(store().endUserProperties.upsert({ ...def, id: newId() })).rejects.toMatchObject({
        entity: 'EndUserProperty',
        field: 'name',
      });
      await store().endUserProperties.delete(def.id);
      expect(await store().endUserProperties.findById(def.id)).toBeNull();
    });
  });

  describe('audit logs', () => {
    it('lists entries newest first with every filter', async () => {
      const envId = newId();
      const orgId = newId();
      const refId = newId();
      const creator = newId();
      await store().auditLogs.append(
        audit({ envId, organizationId: orgId, refId, createdAt: at(1), keyword: 'checkout,Checkout' }),
      );
      await store().auditLogs.append(
        audit({
          envId,
          organizationId: orgId,
          refId,
          createdAt: at(2),
          creatorId: creator,
          comment: 'ship it',
        }),
      );
      await store().auditLogs.append(
        audit({ envId, organizationId: orgId, createdAt: at(3), refType: 'Segment' }),
      );
      await store().auditLogs.append(audit({ organizationId: orgId, createdAt: at(4), refType: 'Member' }));
      const all = await store().auditLogs.list({ organizationId: orgId, pageIndex: 0, pageSize: 10 });
      expect(all.items.map((e) => e.createdAt)).toEqual([at(4), at(3), at(2), at(1)]);
      expect(all.items[0].envId).toBe('');
      const count = async (f: object) =>
        (await store().auditLogs.list({ pageIndex: 0, pageSize: 10, ...f })).totalCount;
      expect(await count({ envId })).toBe(3);
      expect(await count({ envId, refId })).toBe(2);
      expect(await count({ organizationId: orgId, refType: 'Segment' })).toBe(1);
      expect(await count({ creatorId: creator })).toBe(1);
      expect(await count({ envId, query: 'CHECKOUT' })).toBe(1);
      expect(await count({ envId, query: 'ship' })).toBe(1);
      expect(await count({ organizationId: orgId, from: at(2), to: at(3) })).toBe(2);
      const paged = await store().auditLogs.list({ organizationId: orgId, pageIndex: 1, pageSize: 3 });
      expect(paged).toMatchObject({ totalCount: 4, items: [{ createdAt: at(1) }] });
    });
  });

  describe('insight events', () => {
    it(`bulk-inserts ${bulk.toLocaleString('en')} events, skips re-inserted uuids and counts by time range${bulkNote}`, async () => {
      const envId = newId();
      const startUs = Date.parse(at(0)) * 1000;
      const batch = events(envId, bulk, startUs);
      const t0 = performance.now();
      expect(await store().insightEvents.insertMany(batch)).toEqual({ inserted: bulk });
      const t1 = performance.now();
      expect(await store().insightEvents.insertMany(batch)).toEqual({ inserted: 0 });
      timing({ insertMs: t1 - t0, reinsertMs: performance.now() - t1 });
      expect(await store().insightEvents.countByEnv(envId)).toBe(bulk);
      expect(await store().insightEvents.countByEnv(envId, startUs + 10, startUs + 20)).toBe(10);
      expect(await store().insightEvents.countByEnv(newId())).toBe(0);
    }, 300_000);

    it('inserts mixed batches, keeps bad property text as valid JSON and lists newest first', async () => {
      const envId = newId();
      const first = events(envId, 5, 1_700_000_000_000_000);
      await store().insightEvents.insertMany(first.slice(0, 2));
      const odd = { ...first[4], uuid: newId(), properties: 'not json', timestamp: 1_700_000_000_000_009 };
      expect(await store().insightEvents.insertMany([...first, odd])).toEqual({ inserted: 4 });
      const page = await store().insightEvents.listByEnv(envId, { pageIndex: 0, pageSize: 3 });
      expect(page.totalCount).toBe(6);
      expect(page.items.map((e) => e.timestamp)).toEqual([
        1_700_000_000_000_009, 1_700_000_000_000_004, 1_700_000_000_000_003,
      ]);
      expect(JSON.parse(page.items[0].properties)).toBe('not json');
      expect(JSON.parse(page.items[1].properties)).toEqual(JSON.parse(first[4].properties));
      expect(page.items[1]).toMatchObject({
        uuid: first[4].uuid,
        distinctId: first[4].distinctId,
        event: 'FlagValue',
        envId,
      });
    });
  });
}
