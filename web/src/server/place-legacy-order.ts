import type { LegacyOrderRequest, LegacyOrderRow } from "@bakery/shared/api";
import { projectOrder } from "@bakery/shared/order-projection";
import type { WebContext } from "./context";
import { menuItemFor } from "./build-order";
import { AppError } from "./errors";
import { legacyRows } from "./legacy-rows";
import { loadOrderView } from "./order-view";
import { placeOrder } from "./place-order";

/**
 * The original contract: the client numbers its orders and names each item's type.
 * The number is the idempotency key, so the same order again is a harmless retry.
 */
export async function placeLegacyOrder(
  ctx: WebContext,
  body: LegacyOrderRequest,
): Promise<{ rows: LegacyOrderRow[]; replayed: boolean }> {
  const menu = await ctx.menu.current();
  body.items.forEach((item, i) => {
    const known = menuItemFor({ menuItemId: item.id, quantity: 1 }, i, menu);
    if (known.type !== item.type)
      throw new AppError("VALIDATION", `Item ${item.id} is a ${known.type}, not a ${item.type}`, `items.${i}.type`);
  });
  const { order, replayed } = await placeOrder(ctx, {
    customerName: `Order ${body.orderId}`,
    lines: body.items.map((item) => ({ menuItemId: item.id, quantity: 1 })),
    key: `legacy:${body.orderId}`,
    request: body,
    legacyOrderId: body.orderId,
  });
  const view = replayed ? await loadOrderView(ctx, order.id) : projectOrder(order, []);
  return { rows: legacyRows(body.orderId, view), replayed };
}

/** `GET /api/order?orderId=` rows, found through the order number's key. */
export async function legacyOrderRows(ctx: WebContext, legacyOrderId: number): Promise<LegacyOrderRow[]> {
  const key = await ctx.orderBook.keyOf(`legacy:${legacyOrderId}`);
  if (!key) throw new AppError("NOT_FOUND", `No order ${legacyOrderId}`, "orderId");
  return legacyRows(legacyOrderId, await loadOrderView(ctx, key.orderId));
}
