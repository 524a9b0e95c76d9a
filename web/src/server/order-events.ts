import type { OrderEvent } from "@bakery/shared/events";
import type { OrderRecord } from "@bakery/shared/order";
import { possibleEventIds } from "@bakery/shared/order-projection";
import { substituteEventIds } from "./substitute-events";
import type { OrderEventDoc, WaiterCollections } from "./waiter-db";

/** Above this many orders, one filtered read is cheaper than reading each possible event by id. */
const LOOKUPS_UP_TO = 20;

/**
 * The stored events of some orders. FerretDB 1.24 on SQLite matches `_id` equality inside
 * SQLite and anything else (`orderId`, `$in`) in Go after reading every document, which is
 * about a hundred times slower per document. So a few orders (a customer's page, a stream)
 * read their possible event ids one by one; many orders (the staff board) pay for one
 * filtered read instead of thousands of lookups.
 */
export async function loadOrderEvents(
  c: WaiterCollections,
  records: readonly Pick<OrderRecord, "id" | "items">[],
): Promise<Map<string, OrderEvent[]>> {
  const docs =
    records.length <= LOOKUPS_UP_TO
      ? await lookUpWithSubstitutes(c, records.flatMap(possibleEventIds))
      : await c.orderEvents.find({ orderId: { $in: records.map((record) => record.id) } }).toArray();
  const byOrder = new Map<string, OrderEvent[]>(records.map((record) => [record.id, []]));
  for (const doc of docs) if (doc) byOrder.get(doc.orderId)?.push(doc.event);
  return byOrder;
}

/** Reads events by id, then those of the substitutes they name, until no new substitute turns up. */
async function lookUpWithSubstitutes(c: WaiterCollections, ids: readonly string[]): Promise<OrderEventDoc[]> {
  const docs: OrderEventDoc[] = [];
  const read = new Set<string>();
  for (let next = [...ids]; next.length > 0;) {
    next.forEach((id) => read.add(id));
    const found = (await Promise.all(next.map((id) => c.orderEvents.findOne({ _id: id })))).filter(
      (doc): doc is OrderEventDoc => doc !== null,
    );
    docs.push(...found);
    next = substituteEventIds(found.map((doc) => doc.event)).filter((id) => !read.has(id));
  }
  return docs;
}
