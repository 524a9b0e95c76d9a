import { MongoClient } from "mongodb";

/** True once a real driver round-trip works: FerretDB listens before its backend is open. */
export async function mongoAnswersPing(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
  try {
    await client.connect();
    const reply = await client.db("admin").command({ ping: 1 });
    return reply.ok === 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}
