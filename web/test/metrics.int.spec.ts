import { freePort } from "@bakery/stack/free-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBakery, type Bakery } from "./harness/bakery";
import { startWorker } from "./harness/worker-process";
import { waitFor } from "./harness/wait-for";

/** The value of one sample in Prometheus text format, or undefined when the line is not there. */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  if (!line) return undefined;
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

let bakery: Bakery;
const scrape = async () => {
  const response = await bakery.web.respond("GET", "/api/metrics");
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
};
beforeAll(async () => {
  bakery = await startBakery();
});
afterAll(async () => {
  await bakery?.close();
});

describe("metrics", () => {
  it("web: the numbers move after an order, in Prometheus text format", async () => {
    const before = await scrape();
    expect(before.status).toBe(200);
    expect(before.contentType).toContain("text/plain");
    const placedBefore = sample(before.text, "bakery_orders_placed_total") ?? 0;

    const order = await bakery.placeOrder([{ menuItemId: 1, quantity: 2 }]);
    await bakery.untilReady(order.id);

    const after = (await scrape()).text;
    expect(sample(after, "bakery_orders_placed_total")).toBe(placedBefore + 1);
    expect(sample(after, "bakery_order_accept_seconds_count")).toBeGreaterThanOrEqual(1);
    const readyFoods = after.match(/^bakery_items\{(?=.*station="KITCHEN")(?=.*status="READY").*\} (\d+)$/m);
    expect(Number(readyFoods?.[1])).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/^bakery_kafka_consumer_lag\{.*group="t[0-9a-f]+-waiter".*partition="\d+"/m);
    expect(sample(after, "bakery_outbox_backlog")).toBeGreaterThanOrEqual(0);
    expect(sample(after, "bakery_event_streams_open")).toBe(0);
    expect(sample(after, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
  });

  it("worker: queue depth and busy hands on its own port", async () => {
    const port = await freePort();
    const worker = startWorker("kitchen", { ...bakery.env, METRICS_PORT: String(port), KITCHEN_COOKS: "1" });
    try {
      const text = await waitFor("the worker's metrics", async () => {
        const response = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
        return response?.ok ? response.text() : undefined;
      });
      expect(text).toMatch(/^bakery_station_hands\{.*station="KITCHEN".*\} 1$/m);
      expect(text).toMatch(/^bakery_station_queue_depth\{.*station="KITCHEN".*\} \d+$/m);
      expect(text).toMatch(/^bakery_station_hands_busy\{.*station="KITCHEN".*\} \d+$/m);
      expect(text).toMatch(/^bakery_dead_letters\{.*\} \d+$/m);
    } finally {
      await worker.stop();
    }
  });
});
