import { runOpenLoop } from "@bakery/bench/load/open-loop";
import type { OrderView } from "@bakery/shared/order";
import type { SeededRandom } from "../seeded-random";
import { retryDelayMs, worthRetrying, type Answer } from "./answers";
import type { Http } from "./http";

export type OrderLine = { menuItemId: number; quantity: number };
export type Acked = { orderId: string; key: string; at: number; web: number; attempts: number; lines: OrderLine[] };
/** Asked for, never acknowledged: refused (an answer, e.g. SOLD_OUT) or given up on after the retry budget. */
export type NotAcked = { key: string; lines: OrderLine[]; attempts: number; last: Answer; gaveUp: boolean };

const MENU = [1, 2, 3, 4, 5, 6, 7, 8];
/** A customer asks again a few times, not for ever: a retry storm would only bury a struggling server. */
export const MAX_ATTEMPTS = 4;

/**
 * Customers placing orders at a steady rate (open loop: a slow answer does not slow the
 * arrivals) through every web process in turn. Each order has its own Idempotency-Key and is
 * asked again with the same key, on the next web process, after no answer, a 5xx, a 429 or a
 * key still being processed, until it is answered, or after MAX_ATTEMPTS or `retryBudgetMs`.
 */
export function startOrderTraffic(opts: {
  http: Http;
  rate: number;
  runId: string;
  rng: SeededRandom;
  /** Asked for more often than the rest: the item whose stock the staff keep setting. */
  scarceItem: number;
  retryBudgetMs: number;
  onAck: (order: Acked, view: OrderView) => void;
}) {
  const acked: Acked[] = [];
  const notAcked: NotAcked[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const linesFor = (): OrderLine[] => {
    const ids = new Set<number>();
    for (let n = opts.rng.int(1, 3); ids.size < n;) ids.add(opts.rng.pick(MENU));
    if (opts.rng.chance(0.25)) ids.add(opts.scarceItem);
    return [...ids].map((menuItemId) => ({ menuItemId, quantity: opts.rng.chance(0.8) ? 1 : 2 }));
  };

  async function place(index: number): Promise<void> {
    const key = `${opts.runId}-order-${index}`;
    const lines = linesFor();
    const body = { customerName: "Chaos", items: lines };
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const web = (index + attempt - 1) % opts.http.webs;
      const { answer, reply } = await opts.http.call(web, "POST", "/api/orders", {
        route: "POST /api/orders",
        body,
        headers: { "idempotency-key": key },
        key,
      });
      if (reply?.status === 201) {
        const view = reply.json as OrderView;
        const order = { orderId: view.id, key, at: Date.now(), web, attempts: attempt, lines };
        acked.push(order);
        opts.onAck(order, view);
        return;
      }
      const gaveUp = attempt >= MAX_ATTEMPTS || Date.now() - started > opts.retryBudgetMs;
      if (!worthRetrying(answer) || gaveUp) {
        notAcked.push({ key, lines, attempts: attempt, last: answer, gaveUp: worthRetrying(answer) });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, answer.retryAfter)));
    }
  }

  const loop = runOpenLoop({
    rate: opts.rate,
    durationMs: 24 * 60 * 60 * 1000,
    now: Date.now,
    shouldStop: () => stopped,
    fire: (_scheduledAt, index) => {
      const placing = place(index).finally(() => inFlight.delete(placing));
      inFlight.add(placing);
    },
  });

  return {
    acked: (): readonly Acked[] => acked,
    notAcked: (): readonly NotAcked[] => notAcked,
    /** Stops new orders and waits for those being placed (each within its retry budget). */
    async stop(): Promise<void> {
      stopped = true;
      await loop;
      await Promise.all([...inFlight]);
    },
  };
}
export type OrderTraffic = ReturnType<typeof startOrderTraffic>;
