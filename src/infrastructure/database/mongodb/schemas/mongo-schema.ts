import { type IndexOptions, Schema, type SchemaDefinition } from 'mongoose';
import { type EntityDefinition, entityFields, entityName } from '../../shared/entities/entity-definition';

/** A stored document: string UUID `_id`, camelCase fields as in the core models. */
export type MongoDoc = { _id: string } & Record<string, unknown>;

const Mixed = Schema.Types.Mixed;

export interface CollectionDef {
  /** Collection name (FeatBit's Mongo names: PascalCase plural). */
  collection: string;
  /** Entity name for DuplicateKeyError. */
  entity: string;
  fields: SchemaDefinition;
  indexes: [Record<string, 1 | -1>, IndexOptions][];
}

/**
 * Schemas declare every field (strict) and the indexes, built at start-up with syncIndexes.
 * Empty objects are kept (minimize: false) so `{}` settings round-trip.
 */
export function buildSchema(def: CollectionDef): Schema {
  const schema = new Schema(
    { _id: { type: String, required: true }, ...def.fields },
    {
      collection: def.collection,
      versionKey: false,
      minimize: false,
      strict: true,
      id: false,
      autoIndex: false,
      autoCreate: false,
      bufferCommands: false,
    },
  );
  for (const [fields, options] of def.indexes) schema.index(fields, options);
  return schema;
}

const MONGOOSE_TYPES: Record<string, unknown> = {
  text: String,
  boolean: Boolean,
  jsonb: Mixed,
  json: Mixed,
  timestamptz: Date,
};

/**
 * The collection of an entity definition: mongoose types follow the SQL types (jsonb → Mixed, JSON
 * text → String). The one primary column is `_id` (see MongoCollection); derived fields are strings.
 */
export function collectionDef<T>(definition: EntityDefinition<T>): CollectionDef {
  const fields: SchemaDefinition = {};
  for (const f of entityFields(definition)) {
    if (f.primary && !definition.mongo.id) continue;
    const type =
      f.kind === 'number' ? Number : f.kind === 'jsonText' ? String : (MONGOOSE_TYPES[f.sqlType] ?? String);
    fields[f.field] = (f.kind === 'array' ? [type] : type) as SchemaDefinition[string];
  }
  for (const name of Object.keys(definition.mongo.derived ?? {})) fields[name] = String;
  return {
    collection: definition.mongo.collection,
    entity: entityName(definition),
    fields,
    indexes: definition.mongo.indexes,
  };
}
