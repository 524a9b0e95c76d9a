import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Document,
  type OptionalUnlessRequiredId,
} from "mongodb";

export async function connectMongo(url: string, dbName: string): Promise<{ client: MongoClient; db: Db }> {
  // Small pools and fast server selection: a missing database should fail start-up quickly and clearly.
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000, maxPoolSize: 20 });
  await client.connect();
  return { client, db: client.db(dbName) };
}

export const isDuplicateKeyError = (err: unknown): boolean =>
  (err instanceof MongoServerError || err instanceof MongoBulkWriteError) && err.code === 11000;

/**
 * Inserts what is new and skips what is already there. Insert-only records keyed by a
 * unique id are how this system stays correct without atomic updates (FerretDB has none):
 * a duplicate key means "this already happened", never an error.
 * Returns the documents that were new.
 */
export async function insertNew<T extends Document>(collection: Collection<T>, docs: readonly T[]): Promise<T[]> {
  if (docs.length === 0) return [];
  try {
    await collection.insertMany(docs.map((doc) => ({ ...doc })) as OptionalUnlessRequiredId<T>[], { ordered: false });
    return [...docs];
  } catch (err) {
    if (!(err instanceof MongoBulkWriteError)) throw err;
    const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    if (errors.some((writeError) => writeError.code !== 11000)) throw err;
    const duplicates = new Set(errors.map((writeError) => writeError.index));
    return docs.filter((_, i) => !duplicates.has(i));
  }
}
