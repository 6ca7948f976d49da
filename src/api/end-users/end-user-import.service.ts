import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/Pick';
import { streamArray } from 'stream-json/streamers/StreamArray';
import type { UserProperty } from '../../core/end-users/end-user';
import {
  EndUserPropertyRepository,
  EndUserRepository,
  type EndUserUpsert,
  type GlobalUserUpsert,
} from '../../core/ports/users-and-events.repositories';
import { MAX_USER_PROPERTIES } from './end-user.dto';

const BATCH = 500;
const MAX_ERRORS = 20;
const MAX_NEW_PROPERTIES = 1000;

export interface ImportResult {
  totalCount: number;
  writtenCount: number;
  skippedCount: number;
  newProperties: string[];
  errors: string[];
}

/** A user record of an import file, or why it is refused. */
export function readImportedUser(envId: string, value: unknown): EndUserUpsert | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'a user is an object';
  const { keyId, name, customizedProperties, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest).filter(
    (k) => !['id', 'envId', 'workspaceId', 'createdAt', 'updatedAt'].includes(k),
  );
  if (unknown.length > 0) return `unknown field ${unknown[0]}`;
  if (typeof keyId !== 'string' || !keyId.trim() || keyId.length > 512)
    return 'keyId must be a non-empty string of at most 512 characters';
  if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > 512))
    return 'name must be a string of at most 512 characters';
  const props: UserProperty[] = [];
  if (customizedProperties !== undefined && customizedProperties !== null) {
    if (!Array.isArray(customizedProperties) || customizedProperties.length > MAX_USER_PROPERTIES) {
      return `customizedProperties must be an array of at most ${MAX_USER_PROPERTIES} properties`;
    }
    for (const p of customizedProperties as unknown[]) {
      const prop = p as { name?: unknown; value?: unknown } | null;
      if (!prop || typeof prop.name !== 'string' || !prop.name || prop.name.length > 128)
        return 'a property needs a name of at most 128 characters';
      if (
        prop.value !== null &&
        prop.value !== undefined &&
        (typeof prop.value !== 'string' || prop.value.length > 4096)
      ) {
        return `property ${prop.name}: the value must be a string of at most 4096 characters`;
      }
      props.push({ name: prop.name, value: prop.value ?? null });
    }
  }
  return { envId, keyId, name: name ?? null, customizedProperties: props };
}

/**
 * Streams FeatBit's import format `{users: [...], userProperties: [...]}` into the store in batches:
 * the file is never held in memory. Invalid users are skipped and reported; a syntax error stops
 * the import (users already written stay: upserts are idempotent, so re-running the fixed file is safe).
 */
@Injectable()
export class EndUserImporter {
  constructor(
    private readonly endUsers: EndUserRepository,
    private readonly endUserProperties: EndUserPropertyRepository,
  ) {}

  async import(envId: string, file: Readable): Promise<ImportResult> {
    return this.importUsers(
      file,
      async (batch) => (await this.endUsers.upsertMany(batch.map((u) => ({ ...u, envId })))).written,
      (names) => this.endUserProperties.registerNames(envId, names),
    );
  }

  /** The same file format into the workspace's global users (no property catalogue: it is per environment). */
  importGlobal(workspaceId: string, file: Readable): Promise<ImportResult> {
    return this.importUsers(
      file,
      async (batch) => (await this.endUsers.upsertGlobalMany(workspaceId, batch)).written,
      () => Promise.resolve([]),
    );
  }

  private async importUsers(
    file: Readable,
    write: (batch: GlobalUserUpsert[]) => Promise<number>,
    register: (names: string[]) => Promise<string[]>,
  ): Promise<ImportResult> {
    const result: ImportResult = {
      totalCount: 0,
      writtenCount: 0,
      skippedCount: 0,
      newProperties: [],
      errors: [],
    };
    const names = new Set<string>();
    let batch: GlobalUserUpsert[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      result.writtenCount += await write(batch);
      batch = [];
    };

    const tokens = file.pipe(parser());
    const users = tokens.pipe(pick({ filter: 'users' })).pipe(streamArray());
    const declared = tokens.pipe(pick({ filter: 'userProperties' })).pipe(streamArray());
    const declaredNames: string[] = [];
    declared.on('data', ({ value }: { value: unknown }) => {
      const name = typeof value === 'string' ? value : (value as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name && name.length <= 128 && declaredNames.length < MAX_NEW_PROPERTIES)
        declaredNames.push(name);
    });
    const failure = new Promise<never>((_, reject) => {
      for (const stream of [file, tokens, users, declared]) stream.once('error', reject);
    });
    failure.catch(() => undefined);

    const consume = async () => {
      for await (const item of users as AsyncIterable<{ key: number; value: unknown }>) {
        result.totalCount++;
        const user = readImportedUser('', item.value);
        if (typeof user === 'string') {
          result.skippedCount++;
          if (result.errors.length < MAX_ERRORS) result.errors.push(`users[${item.key}]: ${user}`);
          continue;
        }
        for (const p of user.customizedProperties) if (names.size < MAX_NEW_PROPERTIES) names.add(p.name);
        batch.push({ keyId: user.keyId, name: user.name, customizedProperties: user.customizedProperties });
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    };
    await Promise.race([consume(), failure]);
    for (const name of declaredNames) names.add(name);
    names.delete('keyId');
    names.delete('name');
    result.newProperties = await register([...names]);
    return result;
  }

  /** The export in the same format, produced batch by batch. */
  exportStream(envId: string, searchText: string | undefined): Readable {
    const { endUsers, endUserProperties } = this;
    async function* generate(): AsyncGenerator<string> {
      yield '{"users":[';
      let first = true;
      for await (const batch of endUsers.stream(envId, searchText, BATCH)) {
        for (const u of batch) {
          yield (
            (first ? '' : ',') +
            JSON.stringify({ keyId: u.keyId, name: u.name, customizedProperties: u.customizedProperties })
          );
          first = false;
        }
      }
      const properties = (await endUserProperties.list(envId)).filter((p) => !p.isBuiltIn).map((p) => p.name);
      yield `],"userProperties":${JSON.stringify(properties)}}`;
    }
    return Readable.from(generate());
  }
}
