import type { Station } from "@bakery/shared/stations";
import type { OrderView } from "@bakery/shared/order";
import { requestJson } from "./api";

/** Staff commands. The stations apply them and announce the result, which is what the board shows. */
export const setStock = (menuItemId: number, portions: number | null): Promise<unknown> =>
  requestJson(`/api/staff/stock/${menuItemId}`, { method: "PUT", body: JSON.stringify({ portions }) });

export const setPaused = (station: Station, paused: boolean): Promise<unknown> =>
  requestJson(`/api/staff/stations/${station}/${paused ? "pause" : "resume"}`, { method: "POST" });

/** Any open order, for a customer who walked out; what is ready becomes waste. */
export const cancelForCustomer = (orderId: string, reason: string): Promise<OrderView> =>
  requestJson<OrderView>(`/api/staff/orders/${encodeURIComponent(orderId)}/cancel`, {
    method: "POST",
    body: JSON.stringify({ reason }),
  });

export const collectOrder = (orderId: string): Promise<OrderView> =>
  requestJson<OrderView>(`/api/staff/orders/${encodeURIComponent(orderId)}/collect`, { method: "POST" });
