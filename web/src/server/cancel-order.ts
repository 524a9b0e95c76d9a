import { eventIds, type OrderCancellationRequested } from "@bakery/shared/events";
import type { OrderView } from "@bakery/shared/order";
import { AppError } from "./errors";
import { loadOrderView } from "./order-view";
import type { SagaDeps } from "./saga-deps";
import { storeWithEffects } from "./saga-effects";

export type Canceller = { by: "CUSTOMER" } | { by: "STAFF"; reason: string };

/**
 * Cancels an order: stored once per order, then every item that has not started is withdrawn
 * at its station (which answers withdrawn or too late) and every item waiting for a decision
 * is decided `cancel-order`. A customer may cancel while something can still be withdrawn;
 * staff may cancel any open order (what is ready becomes waste).
 */
export async function cancelOrder(
  deps: SagaDeps,
  orderId: string,
  canceller: Canceller,
  now = Date.now(),
): Promise<OrderView> {
  const view = await loadOrderView(deps, orderId, now);
  if (view.status === "COLLECTED" || view.status === "CANCELLED")
    throw new AppError("TOO_LATE", `This order is already ${view.status.toLowerCase()}`);
  const withdrawable = view.items.some((item) => item.status === "QUEUED" || item.status === "UNAVAILABLE");
  if (canceller.by === "CUSTOMER" && !withdrawable)
    throw new AppError("TOO_LATE", "Everything in this order is being made already");

  const event: OrderCancellationRequested = {
    id: eventIds.orderCancellationRequested(orderId),
    type: "OrderCancellationRequested",
    version: 1,
    occurredAt: new Date(now).toISOString(),
    orderId,
    data: canceller.by === "STAFF" ? { by: "STAFF", reason: canceller.reason } : { by: "CUSTOMER" },
  };
  // Asked twice (a retry, two tabs): the first request stands and its effects are under way.
  await storeWithEffects(deps, event);
  return loadOrderView(deps, orderId, now);
}
