import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, LegacyOrderRow, MAX_ITEMS_PER_ORDER } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";
import { LOOKUPS_PER_ORDER } from "@/server/order-events";
import { startBakery, type Bakery } from "./harness/bakery";
import { untilWindowHasLeft } from "./harness/fresh-window";
import { readEvents } from "./harness/sse-reader";

// What a hostile client can do to the API: cross-site and non-JSON requests, huge orders,
// too many requests from one address. Per-client limits have a bakery of their own below.
let bakery: Bakery;

/** Every state-changing route of the API, with a body it would accept. */
const STATE_CHANGING: [method: string, path: string, body?: unknown][] = [
  ["POST", "/api/orders", { customerName: "Ana", items: [{ menuItemId: 1, quantity: 1 }] }],
  ["POST", "/api/order", { orderId: 424242, items: [{ id: 1, type: "FOOD" }] }],
  ["POST", "/api/orders/no-such-order/cancel"],
  ["POST", "/api/orders/no-such-order/items/no-such-order.1/decision", { action: "remove" }],
  ["POST", "/api/staff/session", { password: "not-the-password" }],
  ["DELETE", "/api/staff/session"],
  ["POST", "/api/staff/orders/no-such-order/collect"],
  ["POST", "/api/staff/orders/no-such-order/cancel", { reason: "walked out" }],
  ["PUT", "/api/staff/stock/1", { portions: null }],
  ["POST", "/api/staff/stations/KITCHEN/pause"],
  ["POST", "/api/staff/stations/KITCHEN/resume"],
];

const errorCode = (json: unknown) => ApiError.parse(json).error.code;

describe("a bakery with the default limits", () => {
  beforeAll(async () => {
    bakery = await startBakery({ env: { STAFF_PASSWORD: "test-staff-password" } });
  });
  afterAll(async () => {
    await bakery?.close();
  });

  describe("state-changing requests", () => {
    it("are refused from another site, whatever the route, before anything happens", async () => {
      const before = await bakery.web.context.c.orders.countDocuments();
      for (const [method, path, body] of STATE_CHANGING) {
        for (const headers of <Record<string, string>[]>[
          { origin: "https://evil.example" },
          { origin: "null" },
          { origin: "http://bakery.test.evil.example" },
          { "sec-fetch-site": "cross-site", origin: "http://bakery.test" },
          { "sec-fetch-site": "same-site" },
        ]) {
          const response = await bakery.web.call(method, path, { body, headers });
          expect(response.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
          expect(errorCode(response.json)).toBe("FORBIDDEN");
        }
      }
      expect(await bakery.web.context.c.orders.countDocuments()).toBe(before);
    });

    it("are let through from the bakery's own pages and from clients that are not browsers", async () => {
      for (const headers of <Record<string, string>[]>[
        { origin: "http://bakery.test", "sec-fetch-site": "same-origin" },
        { origin: "http://bakery.test" },
        { "sec-fetch-site": "none" },
        {},
      ]) {
        const response = await bakery.web.call("POST", "/api/orders", {
          body: { customerName: "Ana", items: [{ menuItemId: 1, quantity: 1 }] },
          headers,
        });
        expect(response.status, JSON.stringify(headers)).toBe(201);
      }
    });

    it("must say exactly application/json (a charset is fine, a look-alike or none is not)", async () => {
      for (const [method, path, body] of STATE_CHANGING) {
        for (const contentType of [
          null,
          "text/plain",
          "application/jsonp",
          "text/plain; application/json",
          "multipart/form-data",
          "application/x-www-form-urlencoded",
        ]) {
          const response = await bakery.web.call(method, path, { body, contentType });
          expect(response.status, `${method} ${path} ${contentType}`).toBe(415);
          expect(errorCode(response.json)).toBe("UNSUPPORTED_MEDIA_TYPE");
        }
      }
      const charset = await bakery.web.call("POST", "/api/orders", {
        body: { customerName: "Ana", items: [{ menuItemId: 2, quantity: 1 }] },
        contentType: "Application/JSON; charset=utf-8",
      });
      expect(charset.status).toBe(201);
    });
  });

  describe("API answers", () => {
    it("are never cached, never sent on as a referrer, never sniffed or framed", async () => {
      const placed = await bakery.placeOrder([{ menuItemId: 1, quantity: 1 }]);
      const stream = new AbortController();
      const answers = [
        await bakery.web.respond("GET", "/api/menu"),
        await bakery.web.respond("GET", `/api/orders/${placed.id}`),
        await bakery.web.respond("GET", "/api/orders/no-such-order"),
        await bakery.web.respond("POST", "/api/orders", { body: { customerName: "" } }),
        await bakery.web.respond("GET", "/api/order?orderId=1"),
        await bakery.web.respond("GET", "/api/staff/board"),
        await bakery.web.respond("GET", `/api/orders/${placed.id}/events`, { signal: stream.signal }),
      ];
      stream.abort();
      for (const answer of answers) {
        expect(answer.headers.get("cache-control")).toMatch(/^private, no-store/);
        expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
        expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
        expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      }
    });
  });

  describe("one order", () => {
    it(`holds at most ${MAX_ITEMS_PER_ORDER} items, whatever the lines, with a clear 400 naming the items`, async () => {
      const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ menuItemId: (i % 8) + 1, quantity: 20 }));
      const refused = await bakery.web.call("POST", "/api/orders", {
        body: { customerName: "Greedy", items: lines(30) },
      });
      expect(refused.status).toBe(400);
      expect(ApiError.parse(refused.json).error).toMatchObject({
        code: "VALIDATION",
        field: "items",
        message: expect.stringContaining(`At most ${MAX_ITEMS_PER_ORDER} items in one order (this one has 600)`),
      });
      const justOver = [...lines(2), { menuItemId: 1, quantity: 11 }];
      expect(
        (await bakery.web.call("POST", "/api/orders", { body: { customerName: "A", items: justOver } })).status,
      ).toBe(400);
      const legacy = await bakery.web.call("POST", "/api/order", {
        body: {
          orderId: 77001,
          items: Array.from({ length: MAX_ITEMS_PER_ORDER + 1 }, () => ({ id: 1, type: "FOOD" })),
        },
      });
      expect(legacy.status).toBe(400);
      expect(ApiError.parse(legacy.json).error.field).toBe("items");
    });

    it("is read, and its stream started, with a bounded number of queries whatever its size", async () => {
      const small = await bakery.placeOrder([{ menuItemId: 2, quantity: 1 }]);
      const big = await bakery.placeOrder([
        { menuItemId: 2, quantity: 20 },
        { menuItemId: 4, quantity: 20 },
        { menuItemId: 8, quantity: 10 },
      ]);
      expect(big.items).toHaveLength(MAX_ITEMS_PER_ORDER);
      await Promise.all([bakery.untilReady(small.id), bakery.untilReady(big.id, 120_000)]);

      const bound = 1 + LOOKUPS_PER_ORDER + 1; // the order, its events by id or in one filtered read
      for (const order of [small, big]) {
        const started = performance.now();
        const read = await countingQueries(
          async () => (await bakery.web.call("GET", `/api/orders/${order.id}`)).json as OrderView,
        );
        const ms = Math.round(performance.now() - started);
        console.log(`read of a ${order.items.length}-item order: ${read.queries} queries, ${ms} ms`);
        expect(read.result.items.every((item) => item.status === "READY")).toBe(true);
        expect(read.result.items).toHaveLength(order.items.length);
        expect(read.queries, `queries to read a ${order.items.length}-item order`).toBeLessThanOrEqual(bound);

        const streamed = await countingQueries(async () => {
          const left = new AbortController();
          const response = await bakery.web.respond("GET", `/api/orders/${order.id}/events`, { signal: left.signal });
          const first = (await readEvents(response).next()).value;
          left.abort();
          return first?.data as OrderView;
        });
        expect(streamed.result.items.filter((item) => item.status === "READY")).toHaveLength(order.items.length);
        expect(streamed.queries, `queries to start a ${order.items.length}-item order's stream`).toBeLessThanOrEqual(
          bound + 1,
        );
      }
    });
  });

  describe("the original contract's read", () => {
    it("is public by design and answers the original row fields only", async () => {
      const placed = await bakery.web.call("POST", "/api/order", {
        body: {
          orderId: 880011,
          items: [
            { id: 1, type: "FOOD" },
            { id: 2, type: "DRINK" },
          ],
        },
      });
      expect(placed.status).toBe(201);
      const rows = await bakery.web.call("GET", "/api/order?orderId=880011");
      expect(rows.status).toBe(200);
      for (const row of rows.json as Record<string, unknown>[]) {
        expect(Object.keys(row).sort()).toEqual(["item_id", "order_id", "status"]);
        expect(LegacyOrderRow.strict().safeParse(row).success).toBe(true);
      }
    });
  });

  describe("staff routes", () => {
    it("all check the session (every route file under api/staff but sign-in itself)", () => {
      const root = new URL("../src/app/api/staff/", import.meta.url).pathname;
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? files(path) : name === "route.ts" ? [path] : [];
        });
      const routes = files(root).filter((path) => !path.endsWith("/session/route.ts"));
      expect(routes.length).toBeGreaterThanOrEqual(8);
      for (const path of routes) {
        const source = readFileSync(path, "utf8");
        expect(source, path).toMatch(/staffRoute(<[^>]*>)?\(/);
        expect(source, path).not.toMatch(/[^f]route(<[^>]*>)?\(/);
      }
    });
  });
});

/** Runs `work` and counts the queries it sends to the orders and order_events collections. */
async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const { orders, orderEvents } = bakery.web.context.c;
  let queries = 0;
  let depth = 0;
  const restores: (() => void)[] = [];
  for (const collection of [orders, orderEvents] as unknown as Record<string, (...args: unknown[]) => unknown>[])
    for (const method of ["find", "findOne", "aggregate", "countDocuments"]) {
      const original = collection[method] as (...args: unknown[]) => unknown;
      // findOne calls find: count what the test's code asked for, not the driver's own calls.
      collection[method] = (...args: unknown[]) => {
        if (depth === 0) queries += 1;
        depth += 1;
        try {
          return original.apply(collection, args);
        } finally {
          depth -= 1;
        }
      };
      restores.push(() => delete collection[method]);
    }
  try {
    return { result: await work(), queries };
  } finally {
    restores.forEach((restore) => restore());
  }
}

describe("per-client limits", () => {
  let limited: Bakery;
  const limits = {
    LIMIT_ORDERS_PER_MIN: "3",
    LIMIT_CHANGES_PER_MIN: "2",
    // Room for the money check at the end, which reads every order from no address at all.
    LIMIT_READS_PER_MIN: "20",
    LIMIT_STREAMS_PER_MIN: "5",
    LIMIT_OPEN_STREAMS: "2",
  };
  beforeAll(async () => {
    limited = await startBakery({ kitchens: 0, bars: 0, env: limits });
  });
  afterAll(async () => {
    await limited?.close();
  });
  const from = (address: string) => ({ "x-forwarded-for": address });
  const order = { customerName: "Ana", items: [{ menuItemId: 1, quantity: 1 }] };

  /** Sends `n` requests from `address`; returns their statuses and the last answer. */
  async function send(n: number, address: string, method: string, path: string, body?: unknown) {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<Bakery["web"]["call"]>> | undefined;
    for (let i = 0; i < n; i++) {
      last = await limited.web.call(method, path, { body, headers: from(address) });
      statuses.push(last.status);
    }
    return { statuses, last: last! };
  }

  const expectRateLimited = (answer: Awaited<ReturnType<Bakery["web"]["call"]>>) => {
    expect(answer.status).toBe(429);
    expect(errorCode(answer.json)).toBe("RATE_LIMITED");
    const retryAfter = Number(answer.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it("turn away a client placing too many orders (both contracts) with 429 and Retry-After, and no one else", async () => {
    await untilWindowHasLeft(60_000, 20_000);
    const placed = await send(3, "203.0.113.1", "POST", "/api/orders", order);
    expect(placed.statuses).toEqual([201, 201, 201]);
    const before = await limited.web.context.c.orders.countDocuments();
    expectRateLimited((await send(1, "203.0.113.1", "POST", "/api/orders", order)).last);
    expectRateLimited(
      (await send(1, "203.0.113.1", "POST", "/api/order", { orderId: 5, items: [{ id: 1, type: "FOOD" }] })).last,
    );
    expect(await limited.web.context.c.orders.countDocuments()).toBe(before);
    expect((await send(1, "203.0.113.2", "POST", "/api/orders", order)).statuses).toEqual([201]);
    // Behind a trusted proxy the client is the entry it appended, not what the client wrote before it.
    expectRateLimited((await send(1, "9.9.9.9, 203.0.113.1", "POST", "/api/orders", order)).last);
  });

  it("limit cancellations, decisions and reads (both contracts, and the metrics) per client", async () => {
    await untilWindowHasLeft(60_000, 20_000);
    const placed = (await send(1, "203.0.113.10", "POST", "/api/orders", order)).last.json as OrderView;
    const changes = [
      (await send(1, "203.0.113.11", "POST", `/api/orders/${placed.id}/cancel`)).last.status,
      (
        await send(1, "203.0.113.11", "POST", `/api/orders/${placed.id}/items/${placed.items[0]?.itemId}/decision`, {
          action: "remove",
        })
      ).last.status,
    ];
    expect(changes.every((status) => status !== 429)).toBe(true);
    expectRateLimited((await send(1, "203.0.113.11", "POST", `/api/orders/${placed.id}/cancel`)).last);
    expectRateLimited(
      (await send(1, "203.0.113.11", "POST", `/api/orders/${placed.id}/items/x/decision`, { action: "remove" })).last,
    );

    const reads = await send(20, "203.0.113.12", "GET", `/api/orders/${placed.id}`);
    expect(reads.statuses.every((status) => status === 200)).toBe(true);
    expectRateLimited((await send(1, "203.0.113.12", "GET", `/api/orders/${placed.id}`)).last);
    expectRateLimited((await send(1, "203.0.113.12", "GET", "/api/order?orderId=5")).last);
    expectRateLimited((await send(1, "203.0.113.12", "GET", "/api/metrics")).last);
    expect((await send(1, "203.0.113.13", "GET", "/api/order?orderId=5")).last.status).toBe(404);
  });

  it("cap the event streams one client holds open, and how many it opens per minute", async () => {
    await untilWindowHasLeft(60_000, 20_000);
    const placed = (await send(1, "203.0.113.20", "POST", "/api/orders", order)).last.json as OrderView;
    const open = (address: string, path = `/api/orders/${placed.id}/events`) => {
      const leave = new AbortController();
      return limited.web
        .respond("GET", path, { headers: from(address), signal: leave.signal })
        .then((response) => ({ response, leave }));
    };
    const first = await open("203.0.113.21");
    const second = await open("203.0.113.21", "/api/menu/events");
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const third = await open("203.0.113.21");
    expect(third.response.status).toBe(429);
    expect(Number(third.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await open("203.0.113.22")).response.status).toBe(200);

    // A stream that ends gives its place back (at once: its abort releases it).
    first.leave.abort();
    const fourth = await open("203.0.113.21");
    expect(fourth.response.status).toBe(200);
    fourth.leave.abort();
    second.leave.abort();
    const fifth = await open("203.0.113.21");
    expect(fifth.response.status).toBe(200);
    fifth.leave.abort();
    // Five opened this minute (the refused one counts too): the next is refused with none open.
    const sixth = await open("203.0.113.21");
    expect(sixth.response.status).toBe(429);
    expect(Number(sixth.response.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  });
});
