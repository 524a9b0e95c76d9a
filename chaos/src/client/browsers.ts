import { openSseClient, type SseClient } from "@bakery/bench/load/sse-clients";
import { isOrderEvent, OrderUpdate, type OrderEvent } from "@bakery/shared/events";
import { OrderView } from "@bakery/shared/order";
import { applyEvent } from "@bakery/shared/order-projection";
import type { AnswerLog } from "./answers";
import type { Http } from "./http";

/** What one browser tab showed for one order when the run ended. */
export type FollowedOrder = {
  browser: number;
  orderId: string;
  view?: OrderView;
  connects: number;
  /** Streams that dropped, or attempts that failed, while the tab was open. */
  drops: number;
};

/** As the customer page keeps them: updates to re-apply over a snapshot read before they were stored. */
const KEEP_RECENT = 100;
const CONNECT_TIMEOUT_MS = 30_000;
/** The server's `retry:` (EventSource waits this long after a dropped stream). */
const RETRY_MS = 2_000;

/**
 * Customers' browsers, connected for the whole run: every `openEveryMs` each opens a tab on the
 * newest acknowledged order (up to `maxTabs`) and keeps it open to the end, always on the same
 * web process, as the order page does: a snapshot on every (re)connect with the recent updates
 * applied again on top, each update folded with the shared projection. A dropped stream is
 * opened again after the server's retry time, as EventSource does; an error answer makes the
 * page ask `GET /api/orders/:id` and retry with a growing pause (use-order-stream.ts,
 * event-source-connection.ts).
 */
export function startBrowsers(opts: {
  count: number;
  webs: readonly string[];
  http: Http;
  /** Stream openings are answers too (a 500 instead of a stream counts). */
  answers: AnswerLog;
  /** The newest acknowledged order nobody follows yet, if any. */
  nextOrder: () => string | undefined;
  openEveryMs: number;
  maxTabs: number;
}) {
  const followed: FollowedOrder[] = [];
  /** Start times of the connection attempts under way. */
  const connecting = new Set<{ at: number }>();
  let live = 0;
  let stopped = false;
  let wake: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (wake = resolve));
  const pause = (ms: number) => Promise.race([new Promise((r) => setTimeout(r, ms)), stopping]);

  async function tab(browser: number, orderId: string): Promise<void> {
    const web = browser % opts.webs.length;
    const url = new URL(opts.webs[web] as string);
    const record: FollowedOrder = { browser, orderId, connects: 0, drops: 0 };
    followed.push(record);
    let recent: OrderEvent[] = [];
    let failures = 0;

    const onMessage = (message: { event: string; data: string }) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return; // a garbled message is skipped; the next snapshot repairs the view
      }
      if (message.event === "snapshot") {
        const snapshot = OrderView.safeParse(data);
        if (snapshot.success) record.view = recent.reduce(applyEvent, snapshot.data);
      } else if (message.event === "update") {
        const update = OrderUpdate.safeParse(data);
        if (!update.success || !isOrderEvent(update.data)) return;
        recent = [...recent, update.data].slice(-KEEP_RECENT);
        if (record.view) record.view = applyEvent(record.view, update.data);
      }
    };

    while (!stopped) {
      let closed: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => (closed = resolve));
      let client: SseClient | undefined;
      const at = Date.now();
      const answered = (outcome: { status: number; retryAfter?: string } | { error: string }) =>
        opts.answers.record({ at, route: "GET /api/orders/:id/events", web, ms: Date.now() - at, orderId, ...outcome });
      const attempt = { at };
      connecting.add(attempt);
      try {
        client = await openSseClient({
          host: url.hostname,
          port: Number(url.port),
          path: `/api/orders/${encodeURIComponent(orderId)}/events`,
          // A browser waits for a slow answer rather than give up on it.
          timeoutMs: CONNECT_TIMEOUT_MS,
          onMessage,
          onClose: () => closed(),
        });
        connecting.delete(attempt);
        answered({ status: 200 });
        record.connects++;
        failures = 0;
        live++;
        const why = await Promise.race([ended.then(() => "dropped"), stopping.then(() => "stopped")]);
        live--;
        client.close();
        if (why === "dropped" && !stopped) {
          record.drops++;
          await pause(RETRY_MS);
        }
      } catch (err) {
        connecting.delete(attempt);
        client?.close();
        if (stopped) break;
        record.drops++;
        const why = err instanceof Error ? err.message : String(err);
        const retryAfter = (err as { retryAfter?: string }).retryAfter;
        answered(
          why.startsWith("http ")
            ? { status: Number(why.slice(5)), ...(retryAfter === undefined ? {} : { retryAfter }) }
            : { error: why },
        );
        if (!why.startsWith("http ")) {
          await pause(RETRY_MS); // a network error: EventSource reconnects by itself
          continue;
        }
        // An error answer ends EventSource for good: the page asks what happened, then retries or gives up.
        const { reply } = await opts.http.call(web, "GET", `/api/orders/${encodeURIComponent(orderId)}`, {
          route: "GET /api/orders/:id",
          orderId,
        });
        if (reply?.status === 404 || reply?.status === 400) return;
        failures++;
        await pause(Math.min(15_000, 1_000 * 2 ** Math.min(failures, 4)));
      }
    }
  }

  const tabs: Promise<void>[] = [];
  async function browse(browser: number): Promise<void> {
    for (let open = 0; open < opts.maxTabs && !stopped;) {
      const orderId = opts.nextOrder();
      if (orderId) {
        tabs.push(tab(browser, orderId));
        open++;
      }
      await pause(orderId ? opts.openEveryMs : 200);
    }
  }

  const browsing = Array.from({ length: opts.count }, (_, browser) => browse(browser));
  return {
    followed: (): readonly FollowedOrder[] => followed,
    /** Tabs, streams connected now, and connection attempts under way. */
    state: () => ({
      tabs: followed.length,
      live,
      connecting: connecting.size,
      oldestConnectingMs: Math.max(0, ...[...connecting].map((c) => Date.now() - c.at)),
    }),
    /** Closes every tab; the views are kept. */
    async stop(): Promise<void> {
      stopped = true;
      wake();
      await Promise.all(browsing);
      await Promise.all(tabs);
    },
  };
}
export type Browsers = ReturnType<typeof startBrowsers>;
