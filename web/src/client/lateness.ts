import type { OrderView } from "@bakery/shared/order";

/** How far behind an order is at the counter: amber from its promise, red from the promise plus the grace. */
export type Lateness = { level: "on-time" } | { level: "late" | "very-late"; lateMs: number };

/**
 * Judged with the board's own clock, so the colour changes the second the promise passes.
 * Only orders still being made are behind: a ready, collected or cancelled order is not waiting on a station.
 */
export function lateness(order: Pick<OrderView, "status" | "promisedAt">, now: number, lateGraceS: number): Lateness {
  if (order.status !== "PLACED" && order.status !== "IN_PREPARATION" && order.status !== "NEEDS_ACTION")
    return { level: "on-time" };
  const lateMs = now - Date.parse(order.promisedAt);
  if (lateMs <= 0) return { level: "on-time" };
  return { level: lateMs > lateGraceS * 1000 ? "very-late" : "late", lateMs };
}
