import type { LegacyOrderRow } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";

/**
 * The original contract's view of an order: one row per item, PENDING until the item is READY
 * (DONE), or CANCELLED when it was not made (its station could not, or it was withdrawn).
 * Substitutes never appear: an original client cannot choose one.
 */
export const legacyRows = (legacyOrderId: number, view: Pick<OrderView, "items">): LegacyOrderRow[] =>
  view.items.map((item) => ({
    order_id: legacyOrderId,
    item_id: item.menuItemId,
    status: item.status === "READY" ? "DONE" : item.status === "CANCELLED" ? "CANCELLED" : "PENDING",
  }));
