import type { OrderEvent } from "@bakery/shared/events";
import type { OrderRecord } from "@bakery/shared/order";
import { possibleEventIds } from "@bakery/shared/order-projection";
import type { WaiterCollections } from "./waiter-db";

/**
 * The stored events of some orders, read by id. FerretDB answers `_id` equality from an
 * index and scans the collection for anything else (`orderId`, `$in`), so reading a known
 * set of ids one by one stays fast however many orders the bakery has served.
 */
export async function loadOrderEvents(c: WaiterCollections, records: readonly Pick<OrderRecord, "id" | "items">[]): Promise<Map<string, OrderEvent[]>> {
  const found = await Promise.all(records.flatMap(possibleEventIds).map((id) => c.orderEvents.findOne({ _id: id })));
  const byOrder = new Map<string, OrderEvent[]>(records.map((record) => [record.id, []]));
  for (const doc of found) if (doc) byOrder.get(doc.orderId)?.push(doc.event);
  return byOrder;
}
