import type { OrderView } from "@bakery/shared/order";
import { withLateness } from "@bakery/shared/order-projection";
import type { Problem } from "./problem";

export type Followed = { browser: number; orderId: string; view?: OrderView };

/**
 * What each browser showed for an order equals what `GET /api/orders/:id` says at the end.
 * Lateness is judged with one clock for both (a browser recomputes it with its own).
 */
export function checkBrowsers(input: {
  followed: readonly Followed[];
  api: ReadonlyMap<string, OrderView | undefined>;
  now: number;
}): Problem[] {
  const problems: Problem[] = [];
  for (const { browser, orderId, view } of input.followed) {
    const truth = input.api.get(orderId);
    if (!truth) continue; // an order the API cannot show is reported as lost or stuck
    if (!view) {
      // Not a wrong view but none at all: the page never loaded (reported apart).
      problems.push({
        kind: "unloaded",
        orderId,
        message: `browser ${browser} never got a snapshot of order ${orderId}`,
      });
      continue;
    }
    // The status first: it is what the customer reads; then anything else.
    const difference =
      view.status !== truth.status
        ? `$.status: "${view.status}" (browser) vs "${truth.status}" (API)`
        : firstDifference(withLateness(view, input.now), withLateness(truth, input.now));
    if (difference)
      problems.push({
        kind: "sse",
        orderId,
        message: `browser ${browser} shows order ${orderId} differently from the API at ${difference}`,
      });
  }
  return problems;
}

/** The first path where two JSON values differ, with both values, or undefined if equal. */
export function firstDifference(a: unknown, b: unknown, path = "$"): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return `${path}: ${short(a)} (browser) vs ${short(b)} (API)`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (found) return found;
  }
  return undefined;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};
