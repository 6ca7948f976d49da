import type { Model, SortOrder } from 'mongoose';
import { NotFoundError } from '../../../core/shared/errors';
import {
  type EntityDefinition,
  entityFields,
  entityName,
  type MongoSidecar,
} from '../shared/entities/entity-definition';
import { FIELD_CODECS, type FieldCodec } from '../shared/entities/field-codecs';
import { duplicateIndexName, isDuplicateKey, mapMongoError } from './mongo-errors';
import type { MongoDoc } from './schemas/mongo-schema';

export type MongoFilter = Record<string, unknown>;
export type MongoSort = Record<string, SortOrder>;

/** Gives the current model (per connection attempt) or throws StoreUnavailableError when not connected. */
export type ModelSource = () => Model<MongoDoc>;

/**
 * Maps one entity definition (shared/entities) to its collection and runs the plain operations
 * with error mapping (E11000 → DuplicateKeyError, network → StoreUnavailableError). Repositories
 * with richer queries use `run`, `toDoc` and `fromDoc`.
 */
export class MongoCollection<T extends object> {
  readonly entity: string;
  private readonly fields: { field: keyof T & string; name: string; codec: FieldCodec }[];
  /** The model field stored as `_id` (a one-column primary key); undefined with a composite `_id`. */
  private readonly keyField: (keyof T & string) | undefined;
  private readonly compositeId: MongoSidecar<T>['id'];
  private readonly derived: MongoSidecar<T>['derived'];

  /** The collection of an entity definition: its fields under their model names. */
  static of<T extends object>(model: ModelSource, definition: EntityDefinition<T>): MongoCollection<T> {
    return new MongoCollection<T>(model, definition);
  }

  private constructor(
    private readonly model: ModelSource,
    definition: EntityDefinition<T>,
  ) {
    const fields = entityFields(definition);
    this.entity = entityName(definition);
    this.compositeId = definition.mongo.id;
    this.derived = definition.mongo.derived;
    // The one primary column is stored as `_id`; with a composite key, `_id` is computed and every
    // field keeps its own name.
    this.keyField = this.compositeId ? undefined : fields.find((f) => f.primary)?.field;
    this.fields = fields.map((f) => ({
      field: f.field,
      name: f.field === this.keyField ? '_id' : f.field,
      codec: FIELD_CODECS[f.kind],
    }));
  }

  /** The `_id` of a model. */
  idOf(model: T): string {
    return this.compositeId ? this.compositeId(model) : String(model[this.keyField!]);
  }

  /** `candidate` is the document written, to find the violated unique index when the server does not name it. */
  async run<R>(op: (model: Model<MongoDoc>) => Promise<R>, candidate?: Record<string, unknown>): Promise<R> {
    const model = this.model();
    try {
      return await op(model);
    } catch (error) {
      if (candidate && isDuplicateKey(error) && !duplicateIndexName(error)) {
        const clash = await clashingIndex(model, candidate).catch(() => undefined);
        throw mapMongoError(error, this.entity, clash);
      }
      throw mapMongoError(error, this.entity);
    }
  }

  toDoc(model: T): MongoDoc {
    const doc: Record<string, unknown> = {};
    if (this.compositeId) doc._id = this.compositeId(model);
    for (const f of this.fields) doc[f.name] = f.codec.toMongo(model[f.field], f.field);
    for (const [name, derive] of Object.entries(this.derived ?? {})) doc[name] = derive(model);
    return doc as MongoDoc;
  }

  fromDoc(doc: Record<string, unknown>): T {
    const model: Record<string, unknown> = {};
    for (const f of this.fields) model[f.field] = f.codec.fromStored(doc[f.name]);
    return model as T;
  }

  async insert(record: T): Promise<T> {
    const doc = this.toDoc(record);
    await this.run((m) => m.insertMany([doc], { lean: true }), doc);
    return this.fromDoc(doc);
  }

  /** Inserts unless a document with the same `_id` exists (which is left as it is). */
  async insertIfAbsent(record: T): Promise<void> {
    const { _id, ...fields } = this.toDoc(record);
    await this.run((m) => m.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true }).exec());
  }

  /** Sets every field but `_id` and `createdAt` where `_id` (and `extra`) match; null when nothing matched. */
  async replace(record: T, extra: MongoFilter = {}): Promise<T | null> {
    const { _id, createdAt: _created, ...fields } = this.toDoc(record);
    const updated = await this.run(
      (m) =>
        m
          .findOneAndUpdate({ _id, ...extra }, { $set: fields }, { returnDocument: 'after' })
          .lean<MongoDoc>()
          .exec(),
      { _id, ...fields },
    );
    return updated ? this.fromDoc(updated) : null;
  }

  async replaceOrThrow(record: T): Promise<T> {
    const updated = await this.replace(record);
    if (!updated) throw new NotFoundError(this.entity, this.idOf(record));
    return updated;
  }

  async findById(id: string): Promise<T | null> {
    const doc = await this.run((m) => m.findOne({ _id: id }).lean<MongoDoc>().exec());
    return doc ? this.fromDoc(doc) : null;
  }

  async findOne(filter: MongoFilter, sort?: MongoSort): Promise<T | null> {
    const doc = await this.run((m) =>
      m
        .findOne(filter, null, sort ? { sort } : {})
        .lean<MongoDoc>()
        .exec(),
    );
    return doc ? this.fromDoc(doc) : null;
  }

  async findMany(filter: MongoFilter, sort?: MongoSort, limit?: number): Promise<T[]> {
    const docs = await this.run((m) => {
      const query = m.find(filter);
      if (sort) query.sort(sort);
      if (limit) query.limit(limit);
      return query.lean<MongoDoc[]>().exec();
    });
    return docs.map((d) => this.fromDoc(d));
  }

  async findByIds(ids: readonly string[]): Promise<T[]> {
    if (!ids.length) return [];
    const docs = await this.run((m) =>
      m
        .find({ _id: { $in: [...ids] } })
        .lean<MongoDoc[]>()
        .exec(),
    );
    return docs.map((d) => this.fromDoc(d)).sort((a, b) => compare(this.idOf(a), this.idOf(b)));
  }

  count(filter: MongoFilter): Promise<number> {
    return this.run((m) => m.countDocuments(filter).exec());
  }

  async exists(filter: MongoFilter): Promise<boolean> {
    return (await this.run((m) => m.findOne(filter, { _id: 1 }).lean<MongoDoc>().exec())) !== null;
  }

  /** One offset page plus the total count of `filter`. */
  async page(
    filter: MongoFilter,
    sort: MongoSort,
    window: { offset: number; limit: number },
  ): Promise<{ totalCount: number; items: T[] }> {
    const [totalCount, docs] = await Promise.all([
      this.count(filter),
      this.run((m) =>
        m.find(filter).sort(sort).skip(window.offset).limit(window.limit).lean<MongoDoc[]>().exec(),
      ),
    ]);
    return { totalCount, items: docs.map((d) => this.fromDoc(d)) };
  }

  async deleteById(id: string): Promise<void> {
    await this.run((m) => m.deleteOne({ _id: id }).exec());
  }

  async deleteMany(filter: MongoFilter): Promise<void> {
    await this.run((m) => m.deleteMany(filter).exec());
  }
}

/**
 * The unique index that `doc` clashes with: the first one another document already fills with
 * the same values (a missing field counts as null, as in the index); `_id_` when none does.
 */
async function clashingIndex(model: Model<MongoDoc>, doc: Record<string, unknown>): Promise<string> {
  for (const [fields, options] of model.schema.indexes()) {
    const { unique, name } = options as { unique?: boolean; name?: string };
    if (!unique || !name) continue;
    const filter: MongoFilter = { _id: { $ne: doc._id } };
    for (const field of Object.keys(fields)) filter[field] = doc[field] ?? null;
    if (await model.exists(filter).exec()) return name;
  }
  return '_id_';
}

/** Binary (code-unit) order, as MongoDB compares strings. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
