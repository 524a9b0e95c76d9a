import type { OrderEvent } from "@bakery/shared/events";
import type { OrderRecord } from "@bakery/shared/order";
import { possibleEventIds } from "@bakery/shared/order-projection";
import { readWithSubstitutes } from "./substitute-events";
import type { WaiterCollections } from "./waiter-db";

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
      ? // Substitutes' ids come from the decisions that created them: read those next.
        await readWithSubstitutes(records.flatMap(possibleEventIds), (ids) =>
          Promise.all(ids.map((id) => c.orderEvents.findOne({ _id: id }))),
        )
      : await c.orderEvents.find({ orderId: { $in: records.map((record) => record.id) } }).toArray();
  const byOrder = new Map<string, OrderEvent[]>(records.map((record) => [record.id, []]));
  for (const doc of docs) if (doc) byOrder.get(doc.orderId)?.push(doc.event);
  return byOrder;
}
