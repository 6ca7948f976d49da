import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation } from 'mongoose';
import type { AuditLog } from '../../../../core/audit/audit-log';
import type { EndUserPropertyDefinition, StoredEndUser } from '../../../../core/end-users/end-user';
import {
  type AuditLogFilter,
  AuditLogRepository,
  EndUserPropertyRepository,
  type EndUserQuery,
  EndUserRepository,
  type EndUserSearch,
  type EndUserUpsert,
  type EndUserUpsertResult,
  type GlobalUserUpsert,
} from '../../../../core/ports/users-and-events.repositories';
import type { CursorPage, Page } from '../../../../core/shared/paging';
import { cursorPage, cursorWindow } from '../../shared/cursor-paging';
import { AUDIT_LOG_ENTITY } from '../../shared/entities/audit-log.entity';
import { END_USER_ENTITY, END_USER_PROPERTY_ENTITY } from '../../shared/entities/end-user.entity';
import { streamEndUsers } from '../../shared/end-user-stream';
import { normalizeProperties, samePropertyList } from '../../shared/end-user-properties';
import { pageWindow } from '../../shared/paging';
import { nowIso, toDate } from '../../shared/timestamps';
import { MongoCollection, type MongoFilter } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';
import type { MongoDoc } from '../schemas/mongo-schema';
import { contains } from './mongo-tenancy.repositories';

export class MongoUsersAndEventsCollections {
  readonly endUsers: MongoCollection<StoredEndUser>;
  readonly properties: MongoCollection<EndUserPropertyDefinition>;
  readonly auditLogs: MongoCollection<AuditLog>;

  constructor(conn: MongoConnection) {
    this.endUsers = MongoCollection.of(() => conn.model('endUsers'), END_USER_ENTITY);
    this.properties = MongoCollection.of(() => conn.model('endUserProperties'), END_USER_PROPERTY_ENTITY);
    this.auditLogs = MongoCollection.of(() => conn.model('auditLogs'), AUDIT_LOG_ENTITY);
  }
}

/** Candidates read for a customized-property search (see MongoEndUserRepository.query). */
const PROPERTY_SEARCH_SCAN = 10_000;

function searchFilter(envId: string, searchText: string | undefined): MongoFilter {
  const filter: MongoFilter = { envId };
  if (searchText) filter.$or = [{ keyId: contains(searchText) }, { name: contains(searchText) }];
  return filter;
}

export class MongoEndUserRepository extends EndUserRepository {
  constructor(private readonly c: MongoUsersAndEventsCollections) {
    super();
  }

  async query(query: EndUserQuery): Promise<Page<StoredEndUser>> {
    const owners: MongoFilter[] = [];
    if (query.envId !== null) owners.push({ envId: query.envId });
    if (query.globalOfWorkspace !== null) owners.push({ envId: null, workspaceId: query.globalOfWorkspace });
    const clauses: MongoFilter[] = [owners.length > 0 ? { $or: owners } : { _id: { $in: [] } }];
    if (query.excludedKeyIds.length > 0) clauses.push({ keyId: { $nin: [...query.excludedKeyIds] } });
    if (query.keyIds) clauses.push({ keyId: { $in: [...query.keyIds] } });
    const sort = { updatedAt: -1, _id: -1 } as const;
    const text = query.searchText;
    if (!text) return this.c.endUsers.page({ $and: clauses }, sort, pageWindow(query));
    const fields: MongoFilter[] = [];
    if (query.searchKeyId) fields.push({ keyId: contains(text) });
    if (query.searchName) fields.push({ name: contains(text) });
    if (query.searchProperties.length === 0) {
      clauses.push(fields.length > 0 ? { $or: fields } : { _id: { $in: [] } });
      return this.c.endUsers.page({ $and: clauses }, sort, pageWindow(query));
    }
    // FerretDB has no $elemMatch on fields (nor $expr): the database narrows with a superset (some
    // property named so, some property value matching), the exact pairing is checked here, over
    // at most PROPERTY_SEARCH_SCAN newest candidates.
    fields.push({
      'customizedProperties.name': { $in: [...query.searchProperties] },
      'customizedProperties.value': contains(text),
    });
    clauses.push({ $or: fields });
    const candidates = await this.c.endUsers.findMany({ $and: clauses }, sort, PROPERTY_SEARCH_SCAN);
    const needle = text.toLowerCase();
    const has = (value: string | null | undefined) => (value ?? '').toLowerCase().includes(needle);
    const names = new Set(query.searchProperties);
    const matching = candidates.filter(
      (u) =>
        (query.searchKeyId && has(u.keyId)) ||
        (query.searchName && has(u.name)) ||
        u.customizedProperties.some((p) => names.has(p.name) && has(p.value)),
    );
    const { offset, limit } = pageWindow(query);
    return { totalCount: matching.length, items: matching.slice(offset, offset + limit) };
  }

  async upsertGlobalMany(
    workspaceId: string,
    users: readonly GlobalUserUpsert[],
  ): Promise<{ written: number }> {
    const latest = new Map<string, GlobalUserUpsert>();
    for (const u of users) latest.set(u.keyId, u);
    if (!latest.size) return { written: 0 };
    const batch = [...latest.values()];
    const stored = await this.c.endUsers.findMany({
      envId: null,
      workspaceId,
      keyId: { $in: batch.map((u) => u.keyId) },
    });
    const current = new Map(stored.map((u) => [u.keyId, u]));
    const now = new Date();
    const ops: AnyBulkWriteOperation<MongoDoc>[] = [];
    for (const u of batch) {
      const props = normalizeProperties(u.customizedProperties);
      const name = u.name ?? null;
      const was = current.get(u.keyId);
      if (was && was.name === name && samePropertyList(was.customizedProperties, props)) continue;
      ops.push({
        updateOne: {
          filter: { envId: null, workspaceId, keyId: u.keyId },
          update: {
            $set: { name, customizedProperties: props, updatedAt: now },
            $setOnInsert: { _id: randomUUID(), createdAt: now },
          },
          upsert: true,
        },
      });
    }
    if (!ops.length) return { written: 0 };
    const result = await this.c.endUsers.run((m) => m.bulkWrite(ops, { ordered: false }));
    return { written: result.upsertedCount + result.modifiedCount };
  }

  async upsert(user: EndUserUpsert): Promise<EndUserUpsertResult> {
    const props = normalizeProperties(user.customizedProperties);
    const name = user.name ?? null;
    const existing = await this.c.endUsers.findOne({
      envId: user.envId,
      keyId: user.keyId,
      workspaceId: null,
    });
    if (existing && existing.name === name && samePropertyList(existing.customizedProperties, props)) {
      return { user: existing, unchanged: true, created: false };
    }
    const now = nowIso();
    if (!existing) {
      try {
        const created = await this.c.endUsers.insert({
          id: randomUUID(),
          envId: user.envId,
          workspaceId: null,
          keyId: user.keyId,
          name,
          customizedProperties: props,
          createdAt: now,
          updatedAt: now,
        });
        return { user: created, unchanged: false, created: true };
      } catch (error) {
        // Someone created it meanwhile: fall through to the compare-and-update below.
        if ((error as { name?: string }).name !== 'DuplicateKeyError') throw error;
        return this.upsert(user);
      }
    }
    const updated = await this.c.endUsers.replace({
      ...existing,
      name,
      customizedProperties: props,
      updatedAt: now,
    });
    return { user: updated ?? existing, unchanged: false, created: false };
  }

  async upsertMany(users: readonly EndUserUpsert[]): Promise<{ written: number }> {
    const latest = new Map<string, EndUserUpsert>();
    for (const u of users) latest.set(`${u.envId}\u0000${u.keyId}`, u);
    if (!latest.size) return { written: 0 };
    const byEnv = new Map<string, EndUserUpsert[]>();
    for (const u of latest.values()) byEnv.set(u.envId, [...(byEnv.get(u.envId) ?? []), u]);
    const now = new Date();
    let written = 0;
    for (const [envId, batch] of byEnv) {
      const stored = await this.c.endUsers.findMany({
        envId,
        workspaceId: null,
        keyId: { $in: batch.map((u) => u.keyId) },
      });
      const current = new Map(stored.map((u) => [u.keyId, u]));
      const ops: AnyBulkWriteOperation<MongoDoc>[] = [];
      for (const u of batch) {
        const props = normalizeProperties(u.customizedProperties);
        const name = u.name ?? null;
        const was = current.get(u.keyId);
        if (was && was.name === name && samePropertyList(was.customizedProperties, props)) continue;
        ops.push({
          updateOne: {
            filter: { envId, keyId: u.keyId, workspaceId: null },
            update: {
              $set: { name, customizedProperties: props, updatedAt: now },
              $setOnInsert: { _id: randomUUID(), createdAt: now },
            },
            upsert: true,
          },
        });
      }
      if (!ops.length) continue;
      const result = await this.c.endUsers.run((m) => m.bulkWrite(ops, { ordered: false }));
      written += result.upsertedCount + result.modifiedCount;
    }
    return { written };
  }

  findById(id: string): Promise<StoredEndUser | null> {
    return this.c.endUsers.findById(id);
  }

  findByKeyIds(envId: string, keyIds: readonly string[]): Promise<StoredEndUser[]> {
    if (!keyIds.length) return Promise.resolve([]);
    return this.c.endUsers.findMany({ envId, keyId: { $in: [...keyIds] } }, { keyId: 1 });
  }

  async search(envId: string, search: EndUserSearch): Promise<CursorPage<StoredEndUser>> {
    const window = cursorWindow(search);
    const filter = searchFilter(envId, search.searchText);
    const clauses: MongoFilter[] = [filter];
    if (window.cursor) {
      const at = toDate(window.cursor.updatedAt, 'cursor.updatedAt');
      const op = window.backward ? '$gt' : '$lt';
      clauses.push({
        $or: [{ updatedAt: { [op]: at } }, { updatedAt: at, _id: { [op]: window.cursor.id } }],
      });
    }
    const dir = window.backward ? 1 : -1;
    const rows = await this.c.endUsers.findMany(
      clauses.length > 1 ? { $and: clauses } : filter,
      { updatedAt: dir, _id: dir },
      window.limit,
    );
    return cursorPage(rows, window);
  }

  stream(envId: string, searchText: string | undefined, batchSize: number): AsyncIterable<StoredEndUser[]> {
    return streamEndUsers(this, envId, searchText, batchSize);
  }

  count(envId: string, searchText?: string): Promise<number> {
    return this.c.endUsers.count(searchFilter(envId, searchText));
  }

  delete(id: string): Promise<void> {
    return this.c.endUsers.deleteById(id);
  }
}

export class MongoEndUserPropertyRepository extends EndUserPropertyRepository {
  constructor(private readonly c: MongoUsersAndEventsCollections) {
    super();
  }
  list(envId: string): Promise<EndUserPropertyDefinition[]> {
    return this.c.properties.findMany({ envId }, { createdAt: 1, name: 1 });
  }
  findById(id: string): Promise<EndUserPropertyDefinition | null> {
    return this.c.properties.findById(id);
  }
  async upsert(property: EndUserPropertyDefinition): Promise<EndUserPropertyDefinition> {
    const { _id, createdAt, ...fields } = this.c.properties.toDoc(property);
    const doc = await this.c.properties.run(
      (m) =>
        m
          .findOneAndUpdate(
            { _id },
            { $set: fields, $setOnInsert: { createdAt } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<MongoDoc>()
          .exec(),
      { _id, ...fields },
    );
    return this.c.properties.fromDoc(doc);
  }
  delete(id: string): Promise<void> {
    return this.c.properties.deleteById(id);
  }
  async registerNames(envId: string, names: readonly string[]): Promise<string[]> {
    const unique = [...new Set(names.filter((n) => typeof n === 'string' && n.length > 0))];
    if (!unique.length) return [];
    const known = new Set(
      (await this.c.properties.findMany({ envId, name: { $in: unique } })).map((p) => p.name),
    );
    const added: string[] = [];
    const now = nowIso();
    for (const name of unique.filter((n) => !known.has(n))) {
      try {
        await this.c.properties.insert({
          id: randomUUID(),
          envId,
          name,
          presetValues: [],
          usePresetValuesOnly: false,
          isBuiltIn: false,
          isDigestField: false,
          remark: '',
          createdAt: now,
          updatedAt: now,
        });
        added.push(name);
      } catch (error) {
        // Registered concurrently by another consumer: not new.
        if ((error as { name?: string }).name !== 'DuplicateKeyError') throw error;
      }
    }
    return added;
  }
}

export class MongoAuditLogRepository extends AuditLogRepository {
  constructor(private readonly c: MongoUsersAndEventsCollections) {
    super();
  }
  async append(entry: AuditLog): Promise<void> {
    await this.c.auditLogs.insert(entry);
  }
  list(filter: AuditLogFilter): Promise<Page<AuditLog>> {
    const query: MongoFilter = {};
    if (filter.envId) query.envId = filter.envId;
    if (filter.organizationId) query.organizationId = filter.organizationId;
    if (filter.refId) query.refId = filter.refId;
    if (filter.refType) query.refType = filter.refType;
    if (filter.creatorId) query.creatorId = filter.creatorId;
    if (filter.query) query.$or = [{ keyword: contains(filter.query) }, { comment: contains(filter.query) }];
    if (filter.from || filter.to) {
      query.createdAt = {
        ...(filter.from ? { $gte: toDate(filter.from, 'from') } : {}),
        ...(filter.to ? { $lte: toDate(filter.to, 'to') } : {}),
      };
    }
    return this.c.auditLogs.page(query, { createdAt: -1, _id: -1 }, pageWindow(filter));
  }
}
