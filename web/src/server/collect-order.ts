import { eventIds, type OrderCollected } from "@bakery/shared/events";
import type { OrderView } from "@bakery/shared/order";
import { applyEvent, decideCollect } from "@bakery/shared/order-projection";
import type { WebContext } from "./context";
import { AppError } from "./errors";
import { recordOrderEvents } from "./order-projector";
import { loadOrderView } from "./order-view";

/** Staff hand a ready order over; the event ends the order's saga and reaches its customer live. */
export async function collectOrder(ctx: WebContext, orderId: string, now = Date.now()): Promise<OrderView> {
  const view = await loadOrderView(ctx, orderId);
  const decision = decideCollect(view);
  if (!decision.ok) {
    throw new AppError(
      decision.reason === "NOT_READY" ? "NOT_READY" : "CONFLICT",
      decision.reason === "NOT_READY" ? "This order is not ready yet" : "This order was already collected",
    );
  }
  const event: OrderCollected = {
    id: eventIds.orderCollected(orderId),
    type: "OrderCollected",
    version: 1,
    occurredAt: new Date(now).toISOString(),
    orderId,
    data: {},
  };
  await recordOrderEvents(ctx, [event]);
  return applyEvent(view, event);
}
