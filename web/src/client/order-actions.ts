import type { DecisionRequest } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";
import { requestJson } from "./api";

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`;

/** The customer's choice for an item its station cannot make; answers with the order as it stands. */
export const decideItem = (orderId: string, itemId: string, decision: DecisionRequest): Promise<OrderView> =>
  requestJson<OrderView>(`${orderPath(orderId)}/items/${encodeURIComponent(itemId)}/decision`, {
    method: "POST",
    body: JSON.stringify(decision),
  });

/** The customer cancels what has not started; answers with the order as it stands. */
export const cancelOrder = (orderId: string): Promise<OrderView> =>
  requestJson<OrderView>(`${orderPath(orderId)}/cancel`, { method: "POST" });

/** The order as the server sees it now (after an answer saying our copy is behind). */
export const readOrder = (orderId: string): Promise<OrderView> => requestJson<OrderView>(orderPath(orderId));
