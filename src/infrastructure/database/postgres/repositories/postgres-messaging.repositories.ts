import { SystemSettingRepository } from '../../../../core/ports/data-store.port';
import { type OutboxMessage, OutboxRepository } from '../../../../core/ports/message-bus.port';
import { OUTBOX_ENTITY } from '../../shared/entities/outbox.entity';
import { SYSTEM_SETTING_ENTITY } from '../../shared/entities/system-setting.entity';
import { nowIso } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';

const OUTBOX = PgTable.of(OUTBOX_ENTITY);
const SETTINGS = PgTable.of(SYSTEM_SETTING_ENTITY);

export class PostgresOutboxRepository extends OutboxRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  add(message: OutboxMessage): Promise<void> {
    return OUTBOX.insertBlind(this.db, message);
  }
  listPending(limit: number): Promise<OutboxMessage[]> {
    return OUTBOX.findMany(this.db, 'true', [], 'created_at, id', Math.max(1, Math.floor(limit)));
  }
  remove(id: string): Promise<void> {
    return OUTBOX.deleteById(this.db, id);
  }
  async recordAttempt(id: string): Promise<void> {
    await this.db.query('UPDATE outbox SET attempts = attempts + 1 WHERE id = $1', [id]);
  }
}

export class PostgresSystemSettingRepository extends SystemSettingRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  async get(key: string): Promise<string | null> {
    return (await SETTINGS.findById(this.db, key))?.value ?? null;
  }
  async setIfAbsent(key: string, value: string): Promise<string> {
    const inserted = await SETTINGS.insertIfAbsent(this.db, { key, value, updatedAt: nowIso() });
    return inserted?.value ?? (await this.get(key)) ?? value;
  }
  delete(key: string): Promise<void> {
    return SETTINGS.deleteById(this.db, key);
  }
}
