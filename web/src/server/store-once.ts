import type { OrderEvent } from "@bakery/shared/events";
import { isDuplicateKeyError } from "@bakery/shared/mongo";
import type { WaiterCollections } from "./waiter-db";

/**
 * Stores an order event under its unique id: the first insert wins, on every process and on
 * FerretDB alike (no read-modify-write). Returns the event that is stored: this one, or the
 * winner's when another insert came first.
 */
export async function storeOnce<E extends OrderEvent>(
  c: WaiterCollections,
  event: E,
): Promise<{ stored: true; event: E } | { stored: false; event: OrderEvent }> {
  try {
    await c.orderEvents.insertOne({
      _id: event.id,
      orderId: event.orderId,
      occurredAt: new Date(event.occurredAt),
      event,
    });
    return { stored: true, event };
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const winner = await c.orderEvents.findOne({ _id: event.id });
    if (!winner) throw err;
    return { stored: false, event: winner.event };
  }
}
