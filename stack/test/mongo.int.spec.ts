import { randomUUID } from "node:crypto";
import { MongoClient, MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireEnv } from "./require-env";

describe("mongodb (MONGODB_URL) with the official driver", () => {
  const client = new MongoClient(requireEnv("MONGODB_URL"));
  const db = client.db(`stack_int_${randomUUID().slice(0, 8)}`);

  beforeAll(() => client.connect());
  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it("writes a document and reads it back", async () => {
    const orders = db.collection<{ _id: string; items: string[]; total: number }>("orders");
    await orders.insertOne({ _id: "o-1", items: ["croissant", "latte"], total: 7.5 });
    expect(await orders.findOne({ _id: "o-1" })).toEqual({ _id: "o-1", items: ["croissant", "latte"], total: 7.5 });
  });

  it("rejects a duplicate under a unique index with code 11000", async () => {
    const events = db.collection<{ eventId: string }>("events");
    await events.createIndex({ eventId: 1 }, { unique: true });
    await events.insertOne({ eventId: "e-1" });
    const duplicate = events.insertOne({ eventId: "e-1" });
    await expect(duplicate).rejects.toBeInstanceOf(MongoServerError);
    await expect(duplicate).rejects.toMatchObject({ code: 11000 });
    expect(await events.countDocuments({ eventId: "e-1" })).toBe(1);
  });
});
