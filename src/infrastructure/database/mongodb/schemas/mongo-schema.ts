import { type IndexOptions, Schema, type SchemaDefinition } from 'mongoose';

/** A stored document: string UUID `_id`, camelCase fields as in the core models. */
export type MongoDoc = { _id: string } & Record<string, unknown>;

export const Mixed = Schema.Types.Mixed;

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
