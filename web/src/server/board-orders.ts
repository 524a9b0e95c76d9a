import type { OrderView } from "@bakery/shared/order";
import { projectOrder } from "@bakery/shared/order-projection";
import type { WebContext } from "./context";
import { loadOrderEvents } from "./order-events";
import { toRecord } from "./waiter-db";

const LOOK_BACK_MS = 12 * 60 * 60 * 1000;
/** Finished orders stay in the snapshot this long (the board lists them apart: collected, recently cancelled). */
const KEEP_FINISHED_MS = 15 * 60 * 1000;
const MAX_ORDERS = 500;

/** The orders the staff dashboard starts from: today's open ones, and those collected or cancelled a moment ago. */
export async function loadBoardOrders(ctx: WebContext, now = Date.now()): Promise<OrderView[]> {
  const orders = await ctx.c.orders
    .find({ placedAt: { $gte: new Date(now - LOOK_BACK_MS).toISOString() } })
    .sort({ placedAt: -1 })
    .limit(MAX_ORDERS)
    .toArray();
  const records = orders.map(toRecord);
  const events = await loadOrderEvents(ctx.c, records);
  return records
    .map((record) => projectOrder(record, events.get(record.id) ?? [], now))
    .filter((view) => {
      const finishedAt =
        view.status === "COLLECTED" ? view.collectedAt : view.status === "CANCELLED" ? view.cancelledAt : undefined;
      return !finishedAt || now - Date.parse(finishedAt) < KEEP_FINISHED_MS;
    });
}
