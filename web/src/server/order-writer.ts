import { createMicroBatcher } from "@bakery/shared/micro-batcher";
import type { Collection, Document } from "mongodb";
import { insertNew } from "@bakery/shared/mongo";
import type { OrderDoc, OutboxDoc, WaiterCollections } from "./waiter-db";

/**
 * Writes the orders of concurrent requests together: FerretDB spends about 1 ms of CPU on
 * a lone insert and a few hundredths of that per document in an insertMany, so under load
 * a batch is much cheaper than the same inserts one by one. Each request still learns its
 * own outcome: stored, or already there (a duplicate key).
 */
export function createOrderWriter(c: WaiterCollections) {
  const outbox = batchedInserts(c.outbox);
  const orders = batchedInserts(c.orders);
  return { outbox: (doc: OutboxDoc) => outbox.add(doc), order: (doc: OrderDoc) => orders.add(doc) };
}

const batchedInserts = <T extends Document & { _id: string }>(collection: Collection<T>) =>
  createMicroBatcher<T, "stored" | "duplicate">(async (docs) => {
    const stored = new Set((await insertNew(collection, docs)).map((doc) => doc._id));
    return docs.map((doc) => (stored.has(doc._id) ? "stored" : "duplicate"));
  });
export type OrderWriter = ReturnType<typeof createOrderWriter>;
