import { moneyProblems } from "@bakery/shared/money";
import type { OrderView } from "@bakery/shared/order";
import { FINAL } from "../client/order-watch";
import type { Problem } from "./problem";

/** `GET /api/orders/:id` at the end of the run. */
export type ApiRead = { orderId: string; status?: number; view?: OrderView; error?: string };
/** A station's one recorded outcome for an item (its `completions` record). */
export type Outcome = { itemId: string; orderId: string; outcome: "READY" | "WITHDRAWN" | "UNAVAILABLE" };
export type AckedOrder = { orderId: string; key: string; at: number };

/**
 * Every acknowledged order after the drain: still there (else lost), final (else stuck), its
 * bill right, and each item's state agreeing with its station's record: READY only if the
 * station recorded it prepared, and nothing the station prepared refunded.
 */
export function checkOrders(input: {
  acked: readonly AckedOrder[];
  reads: ReadonlyMap<string, ApiRead>;
  outcomes: ReadonlyMap<string, Outcome>;
}): Problem[] {
  const problems: Problem[] = [];
  for (const order of input.acked) {
    const read = input.reads.get(order.orderId);
    const about = { orderId: order.orderId, at: order.at };
    const named = `order ${order.orderId} (acknowledged at ${new Date(order.at).toISOString()}, key ${order.key})`;
    if (read?.status === 404) {
      problems.push({ kind: "lost", ...about, message: `${named} is gone: GET /api/orders/:id answers 404` });
      continue;
    }
    const view = read?.view;
    if (!view) {
      problems.push({
        kind: "stuck",
        ...about,
        message: `${named} could not be read at the end (${read?.error ?? `HTTP ${read?.status ?? "none"}`})`,
      });
      continue;
    }
    if (!FINAL.includes(view.status)) {
      const items = view.items.map((item) => `${item.itemId} ${item.status}`).join(", ");
      problems.push({ kind: "stuck", ...about, message: `${named} is ${view.status} after the drain: ${items}` });
    }
    for (const problem of moneyProblems(view)) problems.push({ kind: "money", ...about, message: problem });
    for (const item of view.items) {
      const recorded = input.outcomes.get(item.itemId)?.outcome;
      const say = (message: string) =>
        problems.push({
          kind: "outcome",
          ...about,
          itemId: item.itemId,
          message: `${named}, item ${item.itemId}: ${message}`,
        });
      if (item.status === "READY" && recorded !== "READY")
        say(`READY in the API, but its station recorded ${recorded ?? "nothing"}`);
      if (item.status === "CANCELLED" && recorded === "READY" && !item.waste)
        say(`prepared (its station recorded READY), but the order says CANCELLED and refunds it`);
    }
  }
  return problems;
}
