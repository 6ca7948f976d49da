import { randomUUID } from 'node:crypto';
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
import { normalizeProperties } from '../../shared/end-user-properties';
import { pageWindow } from '../../shared/paging';
import { likePattern } from '../../shared/text-search';
import { nowIso, toDate } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';
import { num, str } from '../postgres-values';

const END_USERS = PgTable.of(END_USER_ENTITY);
const PROPERTIES = PgTable.of(END_USER_PROPERTY_ENTITY);
// Organization-level entries have env_id NULL; the model carries "".
const AUDIT_LOGS = PgTable.of(AUDIT_LOG_ENTITY);

const UPSERT_CHUNK = 1000;

/** Insert, or update only when name or properties differ (no write when nothing changed). */
const UPSERT_SQL = (select: string, returning: string) => `
  INSERT INTO end_users (id, env_id, key_id, name, customized_properties, created_at, updated_at)
  ${select}
  ON CONFLICT (env_id, key_id) WHERE env_id IS NOT NULL DO UPDATE
    SET name = EXCLUDED.name, customized_properties = EXCLUDED.customized_properties, updated_at = EXCLUDED.updated_at
    WHERE end_users.name IS DISTINCT FROM EXCLUDED.name
       OR end_users.customized_properties IS DISTINCT FROM EXCLUDED.customized_properties
  RETURNING ${returning}`;

function searchFilter(envId: string, searchText: string | undefined, params: unknown[]): string {
  params.push(envId);
  let where = `env_id = $${params.length}`;
  if (searchText) {
    params.push(likePattern(searchText));
    where += ` AND (key_id ILIKE $${params.length} ESCAPE '\\' OR name ILIKE $${params.length} ESCAPE '\\')`;
  }
  return where;
}

export class PostgresEndUserRepository extends EndUserRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }

  query(query: EndUserQuery): Promise<Page<StoredEndUser>> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const owners: string[] = [];
    if (query.envId !== null) owners.push(`env_id = ${p(query.envId)}`);
    if (query.globalOfWorkspace !== null)
      owners.push(`(env_id IS NULL AND workspace_id = ${p(query.globalOfWorkspace)})`);
    if (owners.length === 0) owners.push('false');
    let where = `(${owners.join(' OR ')})`;
    if (query.searchText) {
      const pattern = likePattern(query.searchText);
      let placeholder = '';
      // Bound only when a field uses it: an unused parameter is an error in PostgreSQL.
      const text = () => (placeholder ||= p(pattern));
      const fields: string[] = [];
      if (query.searchKeyId) fields.push(`key_id ILIKE ${text()} ESCAPE '\\'`);
      if (query.searchName) fields.push(`name ILIKE ${text()} ESCAPE '\\'`);
      if (query.searchProperties.length > 0) {
        fields.push(
          `EXISTS (SELECT 1 FROM jsonb_array_elements(customized_properties) AS cp
             WHERE cp->>'name' = ANY(${p([...query.searchProperties])}::text[])
               AND cp->>'value' ILIKE ${text()} ESCAPE '\\')`,
        );
      }
      where += fields.length > 0 ? ` AND (${fields.join(' OR ')})` : ' AND false';
    }
    if (query.excludedKeyIds.length > 0)
      where += ` AND NOT (key_id = ANY(${p([...query.excludedKeyIds])}::text[]))`;
    if (query.keyIds) where += ` AND key_id = ANY(${p([...query.keyIds])}::text[])`;
    return END_USERS.page(this.db, where, params, 'updated_at DESC, id DESC', pageWindow(query));
  }

  async upsertGlobalMany(
    workspaceId: string,
    users: readonly GlobalUserUpsert[],
  ): Promise<{ written: number }> {
    const latest = new Map<string, GlobalUserUpsert>();
    for (const u of users) latest.set(u.keyId, u);
    const batch = [...latest.values()];
    if (!batch.length) return { written: 0 };
    const now = nowIso();
    return this.db.transaction(async (tx) => {
      let written = 0;
      for (let i = 0; i < batch.length; i += UPSERT_CHUNK) {
        const chunk = batch.slice(i, i + UPSERT_CHUNK);
        const rows = await tx.query(
          `INSERT INTO end_users (id, env_id, workspace_id, key_id, name, customized_properties, created_at, updated_at)
           SELECT u.id, NULL, $5, u.key_id, u.name, u.props::jsonb, $6::timestamptz, $6::timestamptz
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, key_id, name, props)
           ON CONFLICT (workspace_id, key_id) WHERE env_id IS NULL DO UPDATE
             SET name = EXCLUDED.name, customized_properties = EXCLUDED.customized_properties, updated_at = EXCLUDED.updated_at
             WHERE end_users.name IS DISTINCT FROM EXCLUDED.name
                OR end_users.customized_properties IS DISTINCT FROM EXCLUDED.customized_properties
           RETURNING id`,
          [
            chunk.map(() => randomUUID()),
            chunk.map((u) => u.keyId),
            chunk.map((u) => u.name ?? null),
            chunk.map((u) => JSON.stringify(normalizeProperties(u.customizedProperties))),
            workspaceId,
            now,
          ],
        );
        written += rows.length;
      }
      return { written };
    });
  }

  async upsert(user: EndUserUpsert): Promise<EndUserUpsertResult> {
    const now = nowIso();
    const props = JSON.stringify(normalizeProperties(user.customizedProperties));
    const rows = await this.db.query(
      UPSERT_SQL(
        'VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz, $6::timestamptz)',
        `${END_USERS.select}, (xmax = 0) AS inserted`,
      ),
      [randomUUID(), user.envId, user.keyId, user.name ?? null, props, now],
    );
    if (rows.length)
      return { user: END_USERS.fromRow(rows[0]), unchanged: false, created: rows[0].inserted === true };
    const existing = await END_USERS.findOne(this.db, 'env_id = $1 AND key_id = $2', [
      user.envId,
      user.keyId,
    ]);
    if (!existing) throw new Error(`end user ${user.keyId} vanished during upsert`);
    return { user: existing, unchanged: true, created: false };
  }

  async upsertMany(users: readonly EndUserUpsert[]): Promise<{ written: number }> {
    // One row per (envId, keyId), the last one wins: a statement may not touch a row twice.
    const latest = new Map<string, EndUserUpsert>();
    for (const u of users) latest.set(`${u.envId}\u0000${u.keyId}`, u);
    const batch = [...latest.values()];
    if (!batch.length) return { written: 0 };
    const now = nowIso();
    return this.db.transaction(async (tx) => {
      let written = 0;
      for (let i = 0; i < batch.length; i += UPSERT_CHUNK) {
        const chunk = batch.slice(i, i + UPSERT_CHUNK);
        const rows = await tx.query(
          UPSERT_SQL(
            `SELECT u.id, u.env_id, u.key_id, u.name, u.props::jsonb, $6::timestamptz, $6::timestamptz
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, env_id, key_id, name, props)`,
            'id',
          ),
          [
            chunk.map(() => randomUUID()),
            chunk.map((u) => u.envId),
            chunk.map((u) => u.keyId),
            chunk.map((u) => u.name ?? null),
            chunk.map((u) => JSON.stringify(normalizeProperties(u.customizedProperties))),
            now,
          ],
        );
        written += rows.length;
      }
      return { written };
    });
  }

  findById(id: string): Promise<StoredEndUser | null> {
    return END_USERS.findById(this.db, id);
  }

  findByKeyIds(envId: string, keyIds: readonly string[]): Promise<StoredEndUser[]> {
    if (!keyIds.length) return Promise.resolve([]);
    return END_USERS.findMany(
      this.db,
      'env_id = $1 AND key_id = ANY($2::text[])',
      [envId, [...keyIds]],
      'key_id',
    );
  }

  async search(envId: string, search: EndUserSearch): Promise<CursorPage<StoredEndUser>> {
    const window = cursorWindow(search);
    const params: unknown[] = [];
    let where = searchFilter(envId, search.searchText, params);
    if (window.cursor) {
      params.push(toDate(window.cursor.updatedAt, 'cursor.updatedAt').toISOString(), window.cursor.id);
      const op = window.backward ? '>' : '<';
      where += ` AND (updated_at, id) ${op} ($${params.length - 1}::timestamptz, $${params.length})`;
    }
    const order = window.backward ? 'updated_at ASC, id ASC' : 'updated_at DESC, id DESC';
    params.push(window.limit);
    const rows = await this.db.query(
      `SELECT ${END_USERS.select} FROM end_users WHERE ${where} ORDER BY ${order} LIMIT $${params.length}`,
      params,
    );
    return cursorPage(
      rows.map((r) => END_USERS.fromRow(r)),
      window,
    );
  }

  stream(envId: string, searchText: string | undefined, batchSize: number): AsyncIterable<StoredEndUser[]> {
    return streamEndUsers(this, envId, searchText, batchSize);
  }

  async count(envId: string, searchText?: string): Promise<number> {
    const params: unknown[] = [];
    const where = searchFilter(envId, searchText, params);
    return num(
      (await this.db.query(`SELECT count(*) AS count FROM end_users WHERE ${where}`, params))[0].count,
    );
  }

  delete(id: string): Promise<void> {
    return END_USERS.deleteById(this.db, id);
  }
}

export class PostgresEndUserPropertyRepository extends EndUserPropertyRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  list(envId: string): Promise<EndUserPropertyDefinition[]> {
    return PROPERTIES.findMany(this.db, 'env_id = $1', [envId], 'created_at, name');
  }
  findById(id: string): Promise<EndUserPropertyDefinition | null> {
    return PROPERTIES.findById(this.db, id);
  }
  async upsert(property: EndUserPropertyDefinition): Promise<EndUserPropertyDefinition> {
    const sets = PROPERTIES.select
      .split(', ')
      .filter((c) => c !== 'id' && c !== 'created_at')
      .map((c) => `${c} = EXCLUDED.${c}`);
    const rows = await this.db.query(
      `INSERT INTO end_user_properties (${PROPERTIES.select}) VALUES (${PROPERTIES.valuesList()})
       ON CONFLICT (id) DO UPDATE SET ${sets.join(', ')} RETURNING ${PROPERTIES.select}`,
      PROPERTIES.toParams(property),
    );
    return PROPERTIES.fromRow(rows[0]);
  }
  delete(id: string): Promise<void> {
    return PROPERTIES.deleteById(this.db, id);
  }
  async registerNames(envId: string, names: readonly string[]): Promise<string[]> {
    const unique = [...new Set(names.filter((n) => typeof n === 'string' && n.length > 0))];
    if (!unique.length) return [];
    const now = nowIso();
    const rows = await this.db.query(
      `INSERT INTO end_user_properties (id, env_id, name, created_at, updated_at)
       SELECT n.id, $1, n.name, $4::timestamptz, $4::timestamptz FROM unnest($2::text[], $3::text[]) AS n(id, name)
       ON CONFLICT (env_id, name) DO NOTHING RETURNING name`,
      [envId, unique.map(() => randomUUID()), unique, now],
    );
    const added = new Set(rows.map((r) => str(r.name)));
    return unique.filter((n) => added.has(n));
  }
}

export class PostgresAuditLogRepository extends AuditLogRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  append(entry: AuditLog): Promise<void> {
    return AUDIT_LOGS.insertBlind(this.db, { ...entry, envId: entry.envId || (null as unknown as string) });
  }
  async list(filter: AuditLogFilter): Promise<Page<AuditLog>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.envId) add((n) => `env_id = $${n}`, filter.envId);
    if (filter.organizationId) add((n) => `organization_id = $${n}`, filter.organizationId);
    if (filter.refId) add((n) => `ref_id = $${n}`, filter.refId);
    if (filter.refType) add((n) => `ref_type = $${n}`, filter.refType);
    if (filter.creatorId) add((n) => `creator_id = $${n}`, filter.creatorId);
    if (filter.query) {
      add(
        (n) => `(keyword ILIKE $${n} ESCAPE '\\' OR comment ILIKE $${n} ESCAPE '\\')`,
        likePattern(filter.query),
      );
    }
    if (filter.from)
      add((n) => `created_at >= $${n}::timestamptz`, toDate(filter.from, 'from').toISOString());
    if (filter.to) add((n) => `created_at <= $${n}::timestamptz`, toDate(filter.to, 'to').toISOString());
    const page = await AUDIT_LOGS.page(
      this.db,
      where.length ? where.join(' AND ') : 'true',
      params,
      'created_at DESC, id DESC',
      pageWindow(filter),
    );
    return { totalCount: page.totalCount, items: page.items.map((e) => ({ ...e, envId: e.envId ?? '' })) };
  }
}
