import { createMicroBatcher } from "@bakery/shared/micro-batcher";
import type { Collection, Document } from "mongodb";
import { insertNew, isDuplicateKeyError } from "@bakery/shared/mongo";
import type { OrderEvent } from "@bakery/shared/events";
import type { OrderRecord } from "@bakery/shared/order";
import { loadOrderEvents } from "./order-events";
import type { OrderDoc, OrderKeyDoc, OutboxDoc, WaiterCollections } from "./waiter-db";

/**
 * Where accepted orders are written and found again: their outbox entries, the orders and
 * the idempotency keys that reserve them. Every write is an insert under a unique id, whose
 * only answers are "stored" or "already there" (the saga's rule on FerretDB, which has no
 * atomic updates). Placing an order needs nothing else from the database, so the fast test
 * tier swaps this for an in-memory book with the same answers.
 */
export type OrderBook = {
  outbox(doc: OutboxDoc): Promise<"stored" | "duplicate">;
  order(doc: OrderDoc): Promise<"stored" | "duplicate">;
  /** Reserves a key for an order id; "taken" when some request reserved it first. */
  claimKey(doc: OrderKeyDoc): Promise<"claimed" | "taken">;
  keyOf(key: string): Promise<OrderKeyDoc | null>;
  orderById(id: string): Promise<OrderDoc | null>;
  /** What happened to an order so far: a replayed request answers with the order as it is now. */
  eventsOf(order: OrderRecord): Promise<OrderEvent[]>;
};

/**
 * Writes the orders of concurrent requests together: FerretDB spends about 1 ms of CPU on
 * a lone insert and a few hundredths of that per document in an insertMany, so under load
 * a batch is much cheaper than the same inserts one by one. Each request still learns its
 * own outcome: stored, or already there (a duplicate key).
 */
export function createOrderBook(c: WaiterCollections): OrderBook {
  const outbox = batchedInserts(c.outbox);
  const orders = batchedInserts(c.orders);
  return {
    outbox: (doc) => outbox.add(doc),
    order: (doc) => orders.add(doc),
    async claimKey(doc) {
      try {
        await c.orderKeys.insertOne(doc);
        return "claimed";
      } catch (err) {
        if (isDuplicateKeyError(err)) return "taken";
        throw err;
      }
    },
    keyOf: (key) => c.orderKeys.findOne({ _id: key }),
    orderById: (id) => c.orders.findOne({ _id: id }),
    eventsOf: async (order) => (await loadOrderEvents(c, [order])).get(order.id) ?? [],
  };
}

const batchedInserts = <T extends Document & { _id: string }>(collection: Collection<T>) =>
  createMicroBatcher<T, "stored" | "duplicate">(async (docs) => {
    const stored = new Set((await insertNew(collection, docs)).map((doc) => doc._id));
    return docs.map((doc) => (stored.has(doc._id) ? "stored" : "duplicate"));
  });
