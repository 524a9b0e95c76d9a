import { createMetricsRegistry } from "@bakery/shared/metrics/registry";
import { registerKafkaMetrics } from "@bakery/shared/metrics/kafka-metrics";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { withLateness } from "@bakery/shared/order-projection";
import type { WebContext } from "./context";
import { loadBoardOrders } from "./board-orders";

/**
 * The web process's Prometheus metrics. Counters are bumped where things happen (orders
 * placed, how long accepting took); everything else is read at scrape time from what the
 * process already has (open orders, outbox, streams, Kafka offsets), so the hot path pays
 * nothing for it. One registry per process, on globalThis like the context (Next bundles
 * route handlers separately).
 */
function createWebMetrics() {
  const registry = createMetricsRegistry("web");
  return {
    registry,
    ordersPlaced: new Counter({
      name: "bakery_orders_placed_total",
      help: "Orders accepted (201), replays of an Idempotency-Key not counted",
      registers: [registry],
    }),
    acceptSeconds: new Histogram({
      name: "bakery_order_accept_seconds",
      help: "Time from request to 201 for POST /api/orders",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    attached: false,
  };
}

const holder = globalThis as typeof globalThis & { __bakeryMetrics?: ReturnType<typeof createWebMetrics> };
export const webMetrics = () => (holder.__bakeryMetrics ??= createWebMetrics());

/** The gauges that read the context; attached on the first scrape, once per process. */
export function attachContextMetrics(ctx: WebContext): Registry {
  const metrics = webMetrics();
  if (metrics.attached) return metrics.registry;
  metrics.attached = true;
  const { registry } = metrics;

  // One board read serves both gauges of a scrape.
  let board: Promise<{ items: Map<string, number>; late: number }> | undefined;
  const readBoard = () =>
    (board ??= (async () => {
      const now = Date.now();
      const orders = (await loadBoardOrders(ctx, now)).map((view) => withLateness(view, now));
      const items = new Map<string, number>();
      for (const order of orders)
        for (const item of order.items) {
          const key = `${item.station}|${item.status}`;
          items.set(key, (items.get(key) ?? 0) + 1);
        }
      const open = orders.filter((o) => !["COLLECTED", "CANCELLED"].includes(o.status));
      return { items, late: open.filter((o) => o.late).length };
    })().finally(() => setTimeout(() => (board = undefined), 1000).unref()));

  new Gauge({
    name: "bakery_items",
    help: "Items of today's orders on the board, per station and status",
    labelNames: ["station", "status"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [key, count] of (await readBoard()).items) {
        const [station, status] = key.split("|");
        this.set({ station, status }, count);
      }
    },
  });
  new Gauge({
    name: "bakery_orders_late",
    help: "Open orders past the time they were promised",
    registers: [registry],
    async collect() {
      this.set((await readBoard()).late);
    },
  });
  new Gauge({
    name: "bakery_outbox_backlog",
    help: "Outbox entries not yet handed to Kafka",
    registers: [registry],
    async collect() {
      this.set(await ctx.c.outbox.estimatedDocumentCount());
    },
  });
  new Gauge({
    name: "bakery_event_streams_open",
    help: "Server-sent event streams this process is serving",
    registers: [registry],
    collect() {
      this.set(ctx.feed.listeners());
    },
  });
  registerKafkaMetrics(registry, {
    kafka: ctx.kafka,
    groups: [{ groupId: ctx.env.WAITER_GROUP_ID, topic: ctx.topics.balcony }],
    deadLetterTopic: ctx.topics.deadLetters,
    log: ctx.log,
  });
  return registry;
}
