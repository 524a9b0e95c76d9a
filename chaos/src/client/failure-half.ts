import type { SeededRandom } from "../seeded-random";
import { retryDelayMs, worthRetrying } from "./answers";
import type { Http } from "./http";
import { MAX_ATTEMPTS } from "./order-traffic";
import type { UnavailableItem } from "./order-watch";

/** Same-station items a customer may pick instead of one that ran out. */
const SUBSTITUTES = { KITCHEN: [1, 3, 5, 7], BAR: [2, 4, 8] } as const;

export type FailureHalfCounts = {
  cancels: number;
  decisions: Record<"substitute" | "remove" | "cancel-order" | "left to time out", number>;
  stockSettings: number;
};

/**
 * The saga's failure half, exercised while the faults go on: some customers cancel right
 * after ordering (racing the cook), staff keep setting one item's stock to a few portions and
 * then back to unlimited (so items run out after their order was taken), and each customer
 * whose item ran out substitutes it, removes it, cancels the order, or lets the timeout decide.
 * Every request is asked again like the orders are, within `retryBudgetMs`.
 */
export function startFailureHalf(opts: {
  http: Http;
  rng: SeededRandom;
  staffPassword: string;
  scarceItem: number;
  cancelShare: number;
  retryBudgetMs: number;
}) {
  const counts: FailureHalfCounts = {
    cancels: 0,
    decisions: { substitute: 0, remove: 0, "cancel-order": 0, "left to time out": 0 },
    stockSettings: 0,
  };
  const pending = new Set<Promise<unknown>>();
  let stopped = false;
  let cookie = "";

  const track = <T>(work: Promise<T>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
    return work;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let wake: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (wake = resolve));
  /** A pause of the staff's that ends early when the run stops. */
  const idle = (ms: number) => Promise.race([sleep(ms), stopping]);

  /** One request until it is answered (retried like an order), on web processes in turn. */
  async function ask(method: string, path: string, route: string, body?: unknown, orderId?: string) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const web = (attempt - 1 + opts.rng.int(0, 1)) % opts.http.webs;
      const { answer, reply } = await opts.http.call(web, method, path, {
        route,
        ...(body === undefined ? {} : { body }),
        ...(cookie ? { headers: { cookie } } : {}),
        ...(orderId ? { orderId } : {}),
      });
      if (!worthRetrying(answer) || attempt >= MAX_ATTEMPTS || Date.now() - started > opts.retryBudgetMs) return reply;
      await sleep(retryDelayMs(attempt, answer.retryAfter));
    }
  }

  async function signIn(): Promise<void> {
    const reply = await ask("POST", "/api/staff/session", "POST /api/staff/session", {
      password: opts.staffPassword,
    });
    const setCookie = reply?.headers["set-cookie"];
    cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(";")[0] ?? "";
    if (!cookie) throw new Error(`staff sign-in failed: ${reply?.status ?? "no answer"}`);
  }

  const setStock = (portions: number | null) => {
    counts.stockSettings++;
    return ask("PUT", `/api/staff/stock/${opts.scarceItem}`, "PUT /api/staff/stock/:menuItemId", { portions });
  };

  /** Staff run out of the scarce item every so often, then restock it. */
  async function stockCycle(): Promise<void> {
    while (!stopped) {
      await idle(opts.rng.int(6_000, 12_000));
      if (stopped) break;
      await setStock(opts.rng.int(2, 6));
      await idle(opts.rng.int(5_000, 10_000));
      await setStock(null);
    }
  }

  let cycle: Promise<void> = Promise.resolve();
  return {
    async start(): Promise<void> {
      await signIn();
      cycle = stockCycle();
    },
    /** Some customers cancel within a moment of ordering: the cancel races the cook. */
    acked(orderId: string): void {
      if (stopped || !opts.rng.chance(opts.cancelShare)) return;
      counts.cancels++;
      void track(
        sleep(opts.rng.int(0, 300)).then(() =>
          ask("POST", `/api/orders/${orderId}/cancel`, "POST /api/orders/:id/cancel", undefined, orderId),
        ),
      );
    },
    /** The customer of an item that ran out decides (or does not, and the timeout does). */
    unavailable(item: UnavailableItem): void {
      const roll = opts.rng.next();
      const action = roll < 0.4 ? "substitute" : roll < 0.7 ? "remove" : roll < 0.8 ? "cancel-order" : undefined;
      counts.decisions[action ?? "left to time out"]++;
      if (!action) return;
      const body =
        action === "substitute"
          ? {
              action,
              menuItemId: opts.rng.pick(SUBSTITUTES[item.station].filter((id) => id !== item.menuItemId)),
            }
          : { action };
      void track(
        sleep(opts.rng.int(100, 1_500)).then(() =>
          ask(
            "POST",
            `/api/orders/${item.orderId}/items/${item.itemId}/decision`,
            "POST /api/orders/:id/items/:itemId/decision",
            body,
            item.orderId,
          ),
        ),
      );
    },
    counts: () => counts,
    /** No new cancels or stock changes; the stock goes back to unlimited; decisions in flight finish. */
    async stop(): Promise<void> {
      stopped = true;
      wake();
      await cycle;
      await setStock(null);
      await Promise.all([...pending]);
    },
  };
}
export type FailureHalf = ReturnType<typeof startFailureHalf>;
