import { SEGMENT_IN, SEGMENT_NOT_IN } from '../../../../src/core/flags/feature-flag';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { SegmentScope } from '../../../../src/core/ports/targeting.repositories';
import { segmentScopeCovers } from '../../../../src/core/segments/segment';
import { NotFoundError, RevisionConflictError } from '../../../../src/core/shared/errors';
import { environmentResourceName } from '../../../../src/core/tenancy/tenancy';
import { at, flag, ISO_MS, newId, segment, settle } from '../contract-fixtures';

export function targetingSection(store: () => DataStore): void {
  describe('feature flags', () => {
    it('round-trips FeatBit flag JSON exactly, with ms ISO timestamps', async () => {
      const envId = newId();
      const f = flag(envId, { createdAt: at(1, 123), updatedAt: at(2, 456) });
      expect(await store().flags.create(f)).toEqual(f);
      const read = await store().flags.findById(f.id);
      expect(read).toEqual(f);
      expect(read!.updatedAt).toMatch(ISO_MS);
      expect(await store().flags.findByKey(envId, f.key)).toEqual(f);
      expect(await store().flags.findByIds([f.id, newId()])).toEqual([f]);
      expect(await store().flags.findByKey(newId(), f.key)).toBeNull();
    });

    it('rejects a duplicate key in the environment with DuplicateKeyError(key)', async () => {
      const envId = newId();
      const f = await store().flags.create(flag(envId));
      await expect(store().flags.create(flag(envId, { key: f.key }))).rejects.toMatchObject({
        name: 'DuplicateKeyError',
        entity: 'FeatureFlag',
        field: 'key',
      });
      await expect(store().flags.create(flag(newId(), { key: f.key }))).resolves.toBeDefined();
      await expect(store().flags.create(flag(envId, { id: f.id }))).rejects.toMatchObject({ field: 'id' });
      expect(await store().flags.isKeyUsed(envId, f.key)).toBe(true);
      expect(await store().flags.isKeyUsed(envId, 'nope')).toBe(false);
    });

    it('filters, sorts and pages flag lists with total counts', async () => {
      const envId = newId();
      const made = [];
      for (let i = 0; i < 7; i++) {
        made.push(
          await store().flags.create(
            flag(envId, {
              key: `k${i}-list`,
              name: i === 5 ? 'Checkout Redesign' : `Flag ${i}`,
              tags: i % 2 ? ['web', 'odd'] : ['web'],
              isEnabled: i < 3,
              isArchived: i === 6,
              createdAt: at(i),
              updatedAt: at(100 - i),
            }),
          ),
        );
      }
      const page0 = await store().flags.list(envId, { pageIndex: 0, pageSize: 3 });
      const page2 = await store().flags.list(envId, { pageIndex: 2, pageSize: 3 });
      expect(page0.totalCount).toBe(7);
      expect(page0.items.map((f) => f.key)).toEqual(['k6-list', 'k5-list', 'k4-list']);
      expect(page2.items.map((f) => f.key)).toEqual(['k0-list']);
      const byKey = await store().flags.list(envId, { pageIndex: 0, pageSize: 10, sortBy: 'key' });
      expect(byKey.items.map((f) => f.key)).toEqual(made.map((f) => f.key));
      const byUpdated = await store().flags.list(envId, { pageIndex: 0, pageSize: 2, sortBy: 'updated_at' });
      expect(byUpdated.items.map((f) => f.key)).toEqual(['k0-list', 'k1-list']);
      expect(
        (await store().flags.list(envId, { pageIndex: 0, pageSize: 10, name: 'checkout' })).items[0].key,
      ).toBe('k5-list');
      expect(
        (await store().flags.list(envId, { pageIndex: 0, pageSize: 10, name: 'K3-LI' })).totalCount,
      ).toBe(1);
      expect((await store().flags.list(envId, { pageIndex: 0, pageSize: 10, name: '%' })).totalCount).toBe(0);
      expect(
        (await store().flags.list(envId, { pageIndex: 0, pageSize: 10, tags: ['odd', 'web'] })).totalCount,
      ).toBe(3);
      expect(
        (await store().flags.list(envId, { pageIndex: 0, pageSize: 10, isEnabled: true })).totalCount,
      ).toBe(3);
      expect(
        (await store().flags.list(envId, { pageIndex: 0, pageSize: 10, isArchived: false })).totalCount,
      ).toBe(6);
      expect(await store().flags.allTags(envId)).toEqual(['odd', 'web']);
      expect((await store().flags.listAll(envId)).length).toBe(7);
    });

    it('returns flags updated strictly after a millisecond timestamp, archived ones included', async () => {
      const envId = newId();
      const t1 = await store().flags.create(flag(envId, { updatedAt: at(10, 1) }));
      const t2 = await store().flags.create(flag(envId, { updatedAt: at(10, 2) }));
      const t3 = await store().flags.create(flag(envId, { updatedAt: at(10, 3), isArchived: true }));
      const ms = (iso: string) => Date.parse(iso);
      expect((await store().flags.listUpdatedSince(envId, ms(t2.updatedAt))).map((f) => f.id)).toEqual([
        t3.id,
      ]);
      expect((await store().flags.listUpdatedSince(envId, ms(t1.updatedAt))).map((f) => f.id)).toEqual([
        t2.id,
        t3.id,
      ]);
      expect((await store().flags.listUpdatedSince(envId, ms(t1.updatedAt) - 1)).length).toBe(3);
      expect(await store().flags.listUpdatedSince(envId, ms(t3.updatedAt))).toEqual([]);
    });

    it('updates with the expected revision and rejects a stale one with RevisionConflictError', async () => {
      const f = await store().flags.create(flag(newId()));
      const next = { ...f, revision: newId(), isEnabled: false, updatedAt: at(20) };
      expect(await store().flags.update(next, f.revision)).toEqual(next);
      const stale = store().flags.update({ ...f, revision: newId(), name: 'late' }, f.revision);
      await expect(stale).rejects.toBeInstanceOf(RevisionConflictError);
      expect((await store().flags.findById(f.id))!.isEnabled).toBe(false);
      await expect(store().flags.update(flag(newId()), newId())).rejects.toBeInstanceOf(NotFoundError);
    });

    it('replaces as update does, in and out of a transaction; a stale replace fails its transaction and undoes its writes', async () => {
      const f = await store().flags.create(flag(newId()));
      const next = { ...f, revision: newId(), isEnabled: false, updatedAt: at(20) };
      await store().flags.replace(next, f.revision);
      expect(await store().flags.findById(f.id)).toEqual(next);
      await expect(store().flags.replace({ ...f, revision: newId() }, f.revision)).rejects.toBeInstanceOf(
        RevisionConflictError,
      );
      await expect(store().flags.replace(flag(newId()), newId())).rejects.toBeInstanceOf(NotFoundError);

      const revision = (n: number) => ({
        id: newId(),
        flagId: f.id,
        flag: next,
        comment: `r${n}`,
        createdAt: at(n),
      });
      const third = { ...next, revision: newId(), name: 'third' };
      await store().transaction(async (tx) => {
        await tx.flags.replace(third, next.revision);
        await tx.flagRevisions.append(revision(1));
      });
      expect(await store().flags.findById(f.id)).toEqual(third);
      const stale = store().transaction(async (tx) => {
        await tx.flags.replace({ ...next, revision: newId(), name: 'late' }, next.revision);
        await tx.flagRevisions.append(revision(2));
      });
      await expect(stale).rejects.toBeInstanceOf(RevisionConflictError);
      const gone = store().transaction(async (tx) => {
        await tx.flags.replace(flag(newId()), newId());
        await tx.flagRevisions.append(revision(3));
      });
      await expect(gone).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().flags.findById(f.id)).toEqual(third);
      const kept = await store().flagRevisions.listByFlag(f.id, { pageIndex: 0, pageSize: 10 });
      expect(kept.items.map((r) => r.comment)).toEqual(['r1']);

      const racers = ['a', 'b', 'c'].map((name) =>
        store().transaction((tx) => tx.flags.replace({ ...third, revision: newId(), name }, third.revision)),
      );
      const outcome = await settle(racers);
      expect(outcome.fulfilled).toHaveLength(1);
      expect(outcome.rejected.every((e) => e instanceof RevisionConflictError)).toBe(true);
    });

    it('lets exactly one of two concurrent writers holding the same revision win, every time', async () => {
      const f = await store().flags.create(flag(newId()));
      let current = f;
      for (let round = 0; round < 5; round++) {
        const a = { ...current, revision: newId(), name: `a${round}` };
        const b = { ...current, revision: newId(), name: `b${round}` };
        const { fulfilled, rejected } = await settle([
          store().flags.update(a, current.revision),
          store().flags.update(b, current.revision),
        ]);
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(1);
        expect(rejected[0]).toBeInstanceOf(RevisionConflictError);
        current = (await store().flags.findById(f.id))!;
        expect(current.revision).toBe(fulfilled[0].revision);
      }
      const many = Array.from({ length: 8 }, (_, i) =>
        store().flags.update({ ...current, revision: newId(), name: `w${i}` }, current.revision),
      );
      const outcome = await settle(many);
      expect(outcome.fulfilled).toHaveLength(1);
      expect(outcome.rejected.every((e) => e instanceof RevisionConflictError)).toBe(true);
    });

    it('finds flags whose rules reference a segment and deletes flags', async () => {
      const envId = newId();
      const segId = newId();
      const base = flag(envId);
      const rule = base.rules[0];
      const inSeg = await store().flags.create(
        flag(envId, {
          rules: [
            {
              ...rule,
              conditions: [{ property: SEGMENT_IN, op: null, value: JSON.stringify([newId(), segId]) }],
            },
          ],
        }),
      );
      const notInSeg = await store().flags.create(
        flag(envId, {
          rules: [
            { ...rule, conditions: [{ property: SEGMENT_NOT_IN, op: null, value: JSON.stringify([segId]) }] },
          ],
        }),
      );
      // Mentions the id in an ordinary condition: not a segment reference.
      await store().flags.create(
        flag(envId, { rules: [{ ...rule, conditions: [{ property: 'note', op: 'Equal', value: segId }] }] }),
      );
      const found = await store().flags.listReferencingSegment(envId, segId);
      expect(found.map((f) => f.id).sort()).toEqual([inSeg.id, notInSeg.id].sort());
      await store().flags.delete(inSeg.id);
      expect(await store().flags.findById(inSeg.id)).toBeNull();
    });
  });

  describe('flag revisions', () => {
    it('appends full snapshots and lists them newest first with paging', async () => {
      const f = flag(newId());
      for (let i = 0; i < 3; i++) {
        await store().flagRevisions.append({
          id: newId(),
          flagId: f.id,
          flag: { ...f, name: `v${i}` },
          comment: `c${i}`,
          createdAt: at(i),
        });
      }
      const page = await store().flagRevisions.listByFlag(f.id, { pageIndex: 0, pageSize: 2 });
      expect(page.totalCount).toBe(3);
      expect(page.items.map((r) => [r.comment, r.flag.name, r.createdAt])).toEqual([
        ['c2', 'v2', at(2)],
        ['c1', 'v1', at(1)],
      ]);
      expect(page.items[0].flag.rules).toEqual(f.rules);
    });
  });

  describe('segments', () => {
    const org = 'acme';
    const makeScope = (workspaceId: string, envId: string, proj: string, env: string): SegmentScope => ({
      envId,
      workspaceId,
      envResourceName: environmentResourceName(org, proj, env),
    });

    it('shows an environment its own segments and the shared ones whose scopes cover it', async () => {
      const ws = newId();
      const prodId = newId();
      const prod = makeScope(ws, prodId, 'web', 'prod');
      const own = await store().segments.create(segment(ws, prodId, { updatedAt: at(5) }));
      const otherEnv = await store().segments.create(segment(ws, newId()));
      const shared = (scopes: string[], workspaceId = ws, s = 0) =>
        store().segments.create(segment(workspaceId, '', { type: 'shared', scopes, updatedAt: at(s) }));
      const orgWide = await shared([`organization/${org}`], ws, 4);
      const projWide = await shared([`organization/${org}:project/web`], ws, 3);
      const exact = await shared(
        ['organization/x:project/y:env/z', `organization/${org}:project/web:env/prod`],
        ws,
        2,
      );
      const sibling = await shared([`organization/${org}:project/web:env/staging`]);
      const partialName = await shared([`organization/${org}:project/we`]);
      const otherWorkspace = await shared([`organization/${org}`], newId());
      const visible = (await store().segments.listAll(prod)).map((s) => s.id);
      expect(visible.sort()).toEqual([own.id, orgWide.id, projWide.id, exact.id].sort());
      for (const s of [sibling, partialName, otherEnv, otherWorkspace]) expect(visible).not.toContain(s.id);
      // The store agrees with the core's scope rule.
      expect(segmentScopeCovers(exact.scopes, prod.envResourceName)).toBe(true);
      expect(segmentScopeCovers(partialName.scopes, prod.envResourceName)).toBe(false);
      const page = await store().segments.list(prod, { pageIndex: 0, pageSize: 2 });
      expect(page.totalCount).toBe(4);
      expect(page.items.map((s) => s.id)).toEqual([own.id, orgWide.id]);
      expect((await store().segments.findById(orgWide.id))!.envId).toBe('');
      expect(await store().segments.findById(own.id)).toEqual(own);
      expect((await store().segments.listUpdatedSince(prod, Date.parse(at(3)))).map((s) => s.id)).toEqual([
        orgWide.id,
        own.id,
      ]);
      expect(await store().segments.allTags(prod)).toEqual(['beta']);
      const named = await store().segments.list(prod, {
        pageIndex: 0,
        pageSize: 10,
        name: own.name.toUpperCase(),
      });
      expect(named.items.map((s) => s.id)).toEqual([own.id]);
      expect((await store().segments.findByIds([own.id, exact.id])).length).toBe(2);
    });

    it('keeps keys unique per environment (environment-specific) and per workspace (shared)', async () => {
      const ws = newId();
      const envId = newId();
      const s = await store().segments.create(segment(ws, envId));
      await expect(store().segments.create(segment(ws, envId, { key: s.key }))).rejects.toMatchObject({
        entity: 'Segment',
        field: 'key',
      });
      await expect(store().segments.create(segment(ws, newId(), { key: s.key }))).resolves.toBeDefined();
      const sh = await store().segments.create(
        segment(ws, '', { type: 'shared', scopes: ['organization/o'] }),
      );
      await expect(
        store().segments.create(segment(ws, '', { type: 'shared', key: sh.key })),
      ).rejects.toMatchObject({
        entity: 'Segment',
        field: 'key',
      });
      expect(await store().segments.isKeyUsed({ envId, workspaceId: ws, shared: false }, s.key)).toBe(true);
      expect(await store().segments.isKeyUsed({ envId, workspaceId: ws, shared: true }, s.key)).toBe(false);
      expect(await store().segments.isKeyUsed({ envId: '', workspaceId: ws, shared: true }, sh.key)).toBe(
        true,
      );
    });

    it('updates optimistically on updatedAt and deletes', async () => {
      const s = await store().segments.create(segment(newId(), newId(), { updatedAt: at(1, 500) }));
      const next = { ...s, included: ['zoe'], updatedAt: at(2) };
      expect(await store().segments.update(next, s.updatedAt)).toEqual(next);
      await expect(store().segments.update({ ...s, name: 'late' }, s.updatedAt)).rejects.toBeInstanceOf(
        RevisionConflictError,
      );
      await expect(store().segments.update(segment(newId(), newId()), at(0))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await store().segments.delete(s.id);
      expect(await store().segments.findById(s.id)).toBeNull();
    });
  });
}
