import type { OrderView } from "@bakery/shared/order";
import { projectOrder } from "@bakery/shared/order-projection";
import type { WebContext } from "./context";
import { AppError } from "./errors";
import { loadOrderEvents } from "./order-events";
import { toRecord } from "./waiter-db";

/** An order as its customer sees it: the stored record folded with its stored events. */
export async function loadOrderView(ctx: Pick<WebContext, "c">, orderId: string, now = Date.now()): Promise<OrderView> {
  const order = await ctx.c.orders.findOne({ _id: orderId });
  // The same answer for "no such order" and "not yours": an order id is its own secret.
  if (!order) throw new AppError("NOT_FOUND", "No such order");
  const record = toRecord(order);
  // The server's clock decides `late`; a browser recomputes it with its own.
  return projectOrder(record, (await loadOrderEvents(ctx.c, [record])).get(record.id) ?? [], now);
}
