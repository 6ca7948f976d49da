// The MongoDB stand-in (.ci/mongo-standin.py) behaves like a standalone mongod where the product
// relies on it, and refuses what a standalone mongod refuses.
import { randomUUID } from 'node:crypto';
import { type Db, MongoClient, UUID } from 'mongodb';

const TEST_MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';

describe('MongoDB stand-in', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = await new MongoClient(TEST_MONGO_URL, { serverSelectionTimeoutMS: 5000 }).connect();
    db = client.db(`featbit_standin_${randomUUID().slice(0, 8)}`);
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('reports a standalone server and refuses transactions like one', async () => {
    const hello = await db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true });
    expect(hello.setName).toBeUndefined();
    const error = await db
      .command({
        insert: 'tx',
        documents: [{ _id: 'a' }],
        lsid: { id: new UUID() },
        txnNumber: 1,
        startTransaction: true,
        autocommit: false,
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 20, codeName: 'IllegalOperation' });
  });

  it('refuses change streams like a standalone server', async () => {
    const error = await db
      .command({ aggregate: 'c', pipeline: [{ $changeStream: {} }], cursor: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 40573 });
  });

  it('names the unique index and key in E11000 errors', async () => {
    const users = db.collection<{ _id: string; email: string }>('users');
    await users.createIndex({ email: 1 }, { unique: true, name: 'uq_users_email' });
    await users.insertOne({ _id: 'u1', email: 'a@x' });
    const error = await users.insertOne({ _id: 'u2', email: 'a@x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'a@x' } });
    expect((error as Error).message).toContain('index: uq_users_email');
    expect(await users.insertOne({ _id: 'u1', email: 'b@x' }).catch((e: unknown) => e)).toMatchObject({
      code: 11000,
      keyPattern: { _id: 1 },
    });
  });

  it('pages large results through getMore cursors', async () => {
    const docs = db.collection<{ _id: string; n: number }>('many');
    await docs.insertMany(
      Array.from({ length: 250 }, (_, n) => ({ _id: `d${String(n).padStart(3, '0')}`, n })),
    );
    const all = await docs.find({}, { batchSize: 40 }).sort({ n: 1 }).toArray();
    expect(all.map((d) => d.n)).toEqual(Array.from({ length: 250 }, (_, n) => n));
    expect(await docs.countDocuments({ n: { $gte: 100 } })).toBe(150);
    expect(await docs.find({ _id: { $in: ['d001', 'd249', 'zzz'] } }).toArray()).toHaveLength(2);
  });

  // Known gaps of the stand-in (mongomock): positional array paths and pipeline updates. The
  // adapter never sends them (it replaces whole fields); the stand-in answers with an error.
  it('answers updates it cannot do (positional paths, pipelines) with an error, keeping the connection', async () => {
    const c = db.collection<{ _id: string; rules: { values: string[] }[] }>('positional');
    await c.insertOne({ _id: 'r', rules: [{ values: [] }] });
    await expect(c.updateOne({ _id: 'r' }, { $addToSet: { 'rules.0.values': 'a' } })).rejects.toMatchObject({
      code: 2,
    });
    await expect(c.updateOne({ _id: 'r' }, { $push: { 'rules.$[].values': 'a' } })).rejects.toMatchObject({
      code: 2,
    });
    await expect(c.updateOne({ _id: 'r' }, [{ $set: { x: 1 } }])).rejects.toMatchObject({ code: 72 });
    expect(await c.findOne({ _id: 'r' })).toEqual({ _id: 'r', rules: [{ values: [] }] });
  });
});
