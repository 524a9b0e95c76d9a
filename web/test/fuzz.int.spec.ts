import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { OrderView } from "@bakery/shared/order";
import { startBakery, type Bakery } from "./harness/bakery";
import { fuzzRequest, fuzzRoutes, type FuzzRequest, type FuzzTargets } from "./harness/fuzz-requests";
import { waitFor } from "./harness/wait-for";

// Property-based fuzzing of every route and method of the API on the real stack: thousands of
// generated requests (wrong types, huge and tiny numbers, deep nesting, unicode and control
// characters, MongoDB operators anywhere, duplicate keys, wrong and missing content types, odd
// Idempotency-Keys, Origins, cookies and path ids), then a normal order end to end.
// A failing run prints its seed: FUZZ_SEED=<seed> replays it (FUZZ_REQUESTS sets how many).

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Requests in flight at once: the fuzz is many clients, not one polite one. */
const BATCH = 25;
const PASSWORD = "fuzz-staff-password";

/** The one error shape, exactly: nothing more (no stack, no driver message), nothing less. */
const ErrorShape = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[A-Z_]+$/),
    message: z.string().min(1),
    field: z.string().optional(),
  }),
});

let bakery: Bakery;
let targets: FuzzTargets;
/** Per route: how many requests, and how many of each status. */
const sent = new Map<string, Map<number, number>>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  bakery = await startBakery({ env: { STAFF_PASSWORD: PASSWORD } });
  process.on("unhandledRejection", onUnhandled);
  const signIn = async () => {
    const answer = await bakery.web.call("POST", "/api/staff/session", { body: { password: PASSWORD } });
    return (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  };
  const orders = await Promise.all(
    [1, 2, 3].map(() =>
      bakery.placeOrder([
        { menuItemId: 1, quantity: 2 },
        { menuItemId: 4, quantity: 1 },
      ]),
    ),
  );
  targets = {
    orderIds: orders.map((order) => order.id),
    itemIds: orders.flatMap((order) => order.items.map((item) => item.itemId)),
    staffCookie: await signIn(),
    spareCookies: await Promise.all([1, 2, 3].map(signIn)),
    staffPassword: PASSWORD,
    host: "bakery.test",
  };
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await bakery?.close();
});

/** Sends one generated request; what the API answered, read to the end (a stream: its headers only). */
async function send(request: FuzzRequest) {
  const leave = new AbortController();
  const response = await bakery.web.respond(request.method, request.path, {
    headers: request.headers,
    contentType: request.contentType,
    signal: leave.signal,
    ...(request.body === undefined ? {} : { rawBody: request.body }),
  });
  const streaming = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
  const text = streaming ? "" : await response.text();
  leave.abort();
  const statuses = sent.get(request.route) ?? new Map<number, number>();
  sent.set(request.route, statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1));
  return { status: response.status, headers: response.headers, text, streaming };
}

const clip = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
const describeRequest = (request: FuzzRequest) =>
  `${request.method} ${clip(request.path, 200)} content-type=${JSON.stringify(request.contentType)} headers=${clip(
    JSON.stringify(request.headers),
  )} body=${request.body === undefined ? "none" : clip(JSON.stringify(request.body))}`;

/** What must hold for every answer; the reason when it does not. */
function problemWith(answer: Awaited<ReturnType<typeof send>>): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}: ${answer.text}`;
  if (!/^private, no-store/.test(answer.headers.get("cache-control") ?? ""))
    return "no Cache-Control: private, no-store";
  if (answer.headers.get("referrer-policy") !== "no-referrer") return "no Referrer-Policy: no-referrer";
  if (answer.status < 400) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return `error answer is not JSON: ${answer.text.slice(0, 200)}`;
  }
  const shape = ErrorShape.safeParse(json);
  return shape.success ? undefined : `error answer not in the one shape: ${answer.text.slice(0, 300)}`;
}

describe("the API under fuzzing", () => {
  it(
    `answers ${REQUESTS} generated requests to every route without a 5xx, every error in the one shape`,
    { timeout: 240_000 },
    async () => {
      console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED})`);
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(fc.array(fuzzRequest(targets), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const answers = await Promise.all(
            batch.map((request) =>
              send(request).catch((err: unknown) => {
                throw new Error(`${describeRequest(request)}\n  -> could not be sent: ${String(err)}`);
              }),
            ),
          );
          answers.forEach((answer, i) => {
            const problem = problemWith(answer);
            const request = batch[i] as FuzzRequest;
            if (problem) throw new Error(`${describeRequest(request)}\n  -> ${problem}`);
          });
        }),
        {
          seed: SEED,
          numRuns: Math.ceil(REQUESTS / BATCH),
          endOnFailure: true,
          // The failing request and how to replay it, not the whole batch of 25 (bodies of up to 40 KB).
          asyncReporter: async (run) => {
            if (run.failed)
              throw new Error(
                `fuzz failed (replay: FUZZ_SEED=${SEED}): ${String(run.errorInstance instanceof Error ? run.errorInstance.message : run.errorInstance)}`,
              );
          },
        },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const counts = fuzzRoutes(targets).map(({ route, share }) => {
        const statuses = [...(sent.get(route) ?? new Map<number, number>())].sort(([a], [b]) => a - b);
        const n = statuses.reduce((sum, [, count]) => sum + count, 0);
        return { route, share, n, statuses: statuses.map(([status, count]) => `${status}×${count}`).join(" ") };
      });
      console.log(
        `fuzz: ${counts.reduce((sum, { n }) => sum + n, 0)} requests in ${seconds} s, seed ${SEED}\n` +
          counts
            .map(({ route, n, statuses }) => `  ${String(n).padStart(5)}  ${route.padEnd(45)} ${statuses}`)
            .join("\n"),
      );
      // Every route got at least half its share.
      for (const { route, share, n } of counts) expect(n, route).toBeGreaterThan((REQUESTS * share) / 2);
      expect(unhandled).toEqual([]);
    },
  );

  it("is still up afterwards: healthy, workers running, and a normal order goes through end to end", async () => {
    const health = await bakery.web.call("GET", "/api/health");
    expect(health.status, JSON.stringify(health.json)).toBe(200);
    expect(bakery.workers.every((worker) => worker.child.exitCode === null && worker.child.signalCode === null)).toBe(
      true,
    );

    // The fuzz paused stations and set stock as staff may: put both back the way staff would.
    const staff = (method: string, path: string, body?: unknown) =>
      bakery.web.call(method, path, { headers: { cookie: targets.staffCookie }, ...(body ? { body } : {}) });
    for (const station of ["KITCHEN", "BAR"])
      expect((await staff("POST", `/api/staff/stations/${station}/resume`)).status).toBe(202);
    for (let menuItemId = 1; menuItemId <= 8; menuItemId++)
      expect((await staff("PUT", `/api/staff/stock/${menuItemId}`, { portions: null })).status).toBe(202);
    await waitFor("both stations open and every item available", async () => {
      const { stations, stock } = (await staff("GET", "/api/staff/stations")).json as {
        stations: Record<string, { paused: boolean }>;
        stock: { available: boolean }[];
      };
      return !stations.KITCHEN?.paused && !stations.BAR?.paused && stock.every((item) => item.available);
    });

    const placed = await bakery.placeOrder([
      { menuItemId: 1, quantity: 1 },
      { menuItemId: 2, quantity: 1 },
    ]);
    await bakery.untilReady(placed.id, 120_000);
    const collected = await staff("POST", `/api/staff/orders/${placed.id}/collect`);
    expect(collected.status).toBe(200);
    expect((collected.json as OrderView).status).toBe("COLLECTED");
  });
});
