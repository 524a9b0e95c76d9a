import type { OrderEvent } from "@bakery/shared/events";
import type { OrderView } from "@bakery/shared/order";
import { projectOrder } from "@bakery/shared/order-projection";
import type { WebContext } from "./context";
import { AppError } from "./errors";
import { toRecord } from "./waiter-db";

/** An order as its customer sees it: the stored record folded with its stored events. */
export async function loadOrderView(ctx: WebContext, orderId: string): Promise<OrderView> {
  const [order, events] = await Promise.all([ctx.c.orders.findOne({ _id: orderId }), ctx.c.orderEvents.find({ orderId }).toArray()]);
  // The same answer for "no such order" and "not yours": an order id is its own secret.
  if (!order) throw new AppError("NOT_FOUND", "No such order");
  return projectOrder(toRecord(order), events.map((doc): OrderEvent => doc.event));
}
