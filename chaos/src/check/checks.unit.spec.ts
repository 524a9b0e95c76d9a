import { describe, expect, it } from "vitest";
import type { OrderEvent } from "@bakery/shared/events";
import type { OrderRecord } from "@bakery/shared/order";
import { projectOrder } from "@bakery/shared/order-projection";
import { checkAnswers } from "./http-check";
import { checkOrders, type Outcome } from "./orders-check";
import { checkBrowsers, firstDifference } from "./sse-check";
import { checkStock } from "./stock-check";

const at = Date.UTC(2026, 11, 2, 12, 0, 0);
const record: OrderRecord = {
  id: "o1",
  pickupCode: "ACDE",
  customerName: "Chaos",
  placedAt: new Date(at).toISOString(),
  estimatedReadyAt: new Date(at + 5_000).toISOString(),
  totalCents: 1290,
  items: [
    {
      itemId: "o1.1",
      menuItemId: 1,
      name: "Fries",
      type: "FOOD",
      station: "KITCHEN",
      priceCents: 1290,
      prepSeconds: 5,
    },
  ],
};
const ready: OrderEvent = {
  id: "o1.1.ready",
  type: "ItemReady",
  version: 1,
  occurredAt: new Date(at + 1_000).toISOString(),
  orderId: "o1",
  data: { itemId: "o1.1", menuItemId: 1, name: "Fries", station: "KITCHEN" },
};
const acked = [{ orderId: "o1", key: "run-order-0", at }];
const outcome = (o: Outcome["outcome"]): Map<string, Outcome> =>
  new Map([["o1.1", { itemId: "o1.1", orderId: "o1", outcome: o }]]);

describe("the orders check", () => {
  it("passes an acknowledged order that is READY and prepared once", () => {
    const reads = new Map([["o1", { orderId: "o1", status: 200, view: projectOrder(record, [ready]) }]]);
    expect(checkOrders({ acked, reads, outcomes: outcome("READY") })).toEqual([]);
  });

  it("names a lost order with its key, and a stuck one with its items", () => {
    const lost = checkOrders({ acked, reads: new Map([["o1", { orderId: "o1", status: 404 }]]), outcomes: new Map() });
    expect(lost.map((p) => [p.kind, p.message])).toEqual([
      [
        "lost",
        "order o1 (acknowledged at 2026-12-02T12:00:00.000Z, key run-order-0) is gone: GET /api/orders/:id answers 404",
      ],
    ]);
    const stuck = checkOrders({
      acked,
      reads: new Map([["o1", { orderId: "o1", status: 200, view: projectOrder(record, []) }]]),
      outcomes: new Map(),
    });
    expect(stuck.map((p) => p.message)).toEqual([expect.stringMatching(/is PLACED after the drain: o1.1 QUEUED$/)]);
  });

  it("finds an item READY in the API that its station never recorded", () => {
    const reads = new Map([["o1", { orderId: "o1", status: 200, view: projectOrder(record, [ready]) }]]);
    const problems = checkOrders({ acked, reads, outcomes: outcome("WITHDRAWN") });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/READY in the API, but its station recorded WITHDRAWN/),
    ]);
  });
});

describe("the stock check", () => {
  it("finds more prepared items than portions, and a portion held twice", () => {
    const holders = [
      { itemId: "a", menuItemId: 6, generation: "3", slot: "6/3/0" },
      { itemId: "b", menuItemId: 6, generation: "3", slot: "6/3/0" },
    ];
    const problems = checkStock({
      holders,
      slots: [{ slot: "6/3/0", itemId: "a" }],
      settings: [{ menuItemId: 6, generation: "3", portions: 1 }],
      prepared: new Set(["a", "b"]),
      returned: new Set(),
    });
    expect(problems.map((p) => p.message)).toEqual([
      "portion 6/3/0 held by 2 items: a, b",
      "item b holds portion 6/3/0, which was claimed by a",
      "item 6: 2 prepared under a setting of 1 portions (control offset 3): a, b",
    ]);
  });
});

describe("the browsers check", () => {
  it("passes a browser that shows what the API shows, and names the first difference otherwise", () => {
    const truth = projectOrder(record, [ready]);
    const api = new Map([["o1", truth]]);
    expect(checkBrowsers({ followed: [{ browser: 0, orderId: "o1", view: truth }], api, now: at })).toEqual([]);
    const behind = projectOrder(record, []);
    const [problem] = checkBrowsers({ followed: [{ browser: 1, orderId: "o1", view: behind }], api, now: at });
    expect(problem?.message).toBe(
      'browser 1 shows order o1 differently from the API at $.status: "PLACED" (browser) vs "READY" (API)',
    );
    expect(firstDifference({ a: [1, 2] }, { a: [1, 3] })).toBe("$.a[1]: 2 (browser) vs 3 (API)");
  });
});

describe("the answers check", () => {
  const downtimes = [{ what: "database" as const, from: at, to: at + 10_000 }];
  it("allows a 503 with Retry-After while the database is down, and nothing else", () => {
    const answers = [
      { at: at + 1_000, route: "POST /api/orders", web: 0, ms: 5, status: 503, retryAfter: "1" },
      { at: at + 2_000, route: "POST /api/orders", web: 1, ms: 5, status: 503 },
      { at: at + 60_000, route: "GET /api/orders/:id", web: 0, ms: 5, status: 500, code: "INTERNAL" },
      { at: at + 61_000, route: "GET /api/orders/:id", web: 0, ms: 5, status: 500, code: "INTERNAL" },
      { at: at + 62_000, route: "GET /api/orders/:id", web: 0, ms: 5, status: 200 },
    ];
    const { problems, allowed503 } = checkAnswers({ answers, downtimes });
    expect(allowed503).toBe(1);
    expect(problems.map((p) => p.message.replace(/: \d.*/, ""))).toEqual([
      "POST /api/orders answered 503 without Retry-After while the database was down",
      "GET /api/orders/:id answered 500 INTERNAL with the database and Kafka up",
    ]);
    expect(problems[1]?.message).toMatch(/: 2 time\(s\)/);
  });
});
