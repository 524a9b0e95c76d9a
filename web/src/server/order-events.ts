import type { OrderEvent } from "@bakery/shared/events";
import type { OrderRecord } from "@bakery/shared/order";
import { possibleEventIds } from "@bakery/shared/order-projection";
import { readWithSubstitutes } from "./substitute-events";
import type { OrderEventDoc, WaiterCollections } from "./waiter-db";

/** Above this many orders, one filtered read is cheaper than reading each possible event by id. */
const LOOKUPS_UP_TO = 20;
/**
 * Lookups by id one order's read may spend: every event an order of up to 10 items can
 * have (7 per item, 2 for the order). An order that needs more (a big one, or one with many
 * substitutes) is read with one filtered query instead, so a read never costs more than
 * this many queries plus one, whatever the order's size.
 */
export const LOOKUPS_PER_ORDER = 72;

/**
 * The stored events of some orders. FerretDB 1.24 on SQLite matches `_id` equality inside
 * SQLite and anything else (`orderId`, `$in`) in Go after reading every document, which is
 * about a hundred times slower per document. So a few ordinary orders (a customer's page,
 * a stream) read their possible event ids one by one; many orders (the staff board) and big
 * ones pay for one filtered read (indexed on MongoDB, a scan on FerretDB) instead of an
 * unbounded number of lookups.
 */
export async function loadOrderEvents(
  c: WaiterCollections,
  records: readonly Pick<OrderRecord, "id" | "items">[],
): Promise<Map<string, OrderEvent[]>> {
  const byId =
    records.length <= LOOKUPS_UP_TO
      ? // Substitutes' ids come from the decisions that created them: read those next.
        await readWithSubstitutes(
          records.flatMap(possibleEventIds),
          (ids) => Promise.all(ids.map((id) => c.orderEvents.findOne({ _id: id }))),
          LOOKUPS_PER_ORDER * records.length,
        )
      : undefined;
  const docs: (OrderEventDoc | null)[] =
    byId ?? (await c.orderEvents.find({ orderId: { $in: records.map((record) => record.id) } }).toArray());
  const byOrder = new Map<string, OrderEvent[]>(records.map((record) => [record.id, []]));
  for (const doc of docs) if (doc) byOrder.get(doc.orderId)?.push(doc.event);
  return byOrder;
}
