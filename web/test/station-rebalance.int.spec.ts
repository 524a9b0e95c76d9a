import { afterEach, describe, expect, it } from "vitest";
import type { OrderView } from "@bakery/shared/order";
import { startBakery, type Bakery } from "./harness/bakery";
import { stableGroupMembers } from "./harness/kafka-group";
import { waitFor } from "./harness/wait-for";

let bakery: Bakery | undefined;
afterEach(async () => {
  await bakery?.close();
  bakery = undefined;
});

// One cook and slow hot dogs (0.4 s each): a worker holds many items in hand when the group changes.
const slowKitchen = { KITCHEN_COOKS: "1", PREP_TIME_SCALE: "0.4" };

async function placeHotDogs(count: number): Promise<OrderView[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => bakery!.placeOrder([{ menuItemId: 5, quantity: 1 }], `g${i}`)),
  );
}

async function readyCount(orders: OrderView[]): Promise<number> {
  const views = await Promise.all(orders.map((order) => bakery!.web.order(order.id)));
  return views.filter((view) => view.status === "READY").length;
}

const members = (count: number) => async () =>
  (await stableGroupMembers(bakery!.env.KAFKA_BROKERS!, bakery!.env.KITCHEN_GROUP_ID!)) === count;

/** Waits until every order is READY, naming the ones that are not when it gives up. */
async function untilAllReady(orders: OrderView[], timeoutMs: number) {
  let pending: string[] = [];
  await waitFor(
    "every order READY",
    async () => {
      const views = await Promise.all(orders.map((order) => bakery!.web.order(order.id)));
      pending = views.filter((view) => view.status !== "READY").map((view) => `${view.id}:${view.status}`);
      return pending.length === 0;
    },
    timeoutMs,
    250,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}; ${pending.length} not READY: ${pending.slice(0, 5).join(", ")}`);
  });
}

describe("a station through rebalances", () => {
  it("loses no item when a worker that went through a rebalance is killed (-9)", async () => {
    bakery = await startBakery({ kitchens: 1, bars: 0, env: slowKitchen });
    await waitFor("the first kitchen worker in its group", members(1), 60_000, 250);
    const orders = await placeHotDogs(36);
    await waitFor("the first item ready", async () => (await readyCount(orders)) >= 1, 30_000, 200);

    bakery.startWorker("kitchen");
    await waitFor("both kitchen workers in the group", members(2), 60_000, 250);
    // Time for the first worker to take back its kept partitions and commit what it believes done.
    const afterJoin = await readyCount(orders);
    await waitFor("one more item ready after the join", async () => (await readyCount(orders)) > afterJoin, 30_000);

    await bakery.workers[0]!.stop("SIGKILL");
    await untilAllReady(orders, 60_000);
  });

  it("keeps cooking after a second worker joins, without new orders", async () => {
    bakery = await startBakery({ kitchens: 1, bars: 0, env: slowKitchen });
    await waitFor("the first kitchen worker in its group", members(1), 60_000, 250);
    const orders = await placeHotDogs(36);
    await waitFor("the first item ready", async () => (await readyCount(orders)) >= 1, 30_000, 200);
    bakery.startWorker("kitchen");
    await untilAllReady(orders, 45_000);
  });

  it("hands a SIGTERMed worker's items, after a rebalance, to the other worker well before a session timeout", async () => {
    // A session timeout longer than the wait below: only a worker that leaves its group lets the other take over in time.
    bakery = await startBakery({ kitchens: 1, bars: 0, env: { ...slowKitchen, KAFKA_SESSION_TIMEOUT_MS: "60000" } });
    await waitFor("the first kitchen worker in its group", members(1), 60_000, 250);
    const orders = await placeHotDogs(36);
    await waitFor("the first item ready", async () => (await readyCount(orders)) >= 1, 30_000, 200);
    bakery.startWorker("kitchen");
    await waitFor("both kitchen workers in the group", members(2), 60_000, 250);
    const afterJoin = await readyCount(orders);
    await waitFor("one more item ready after the join", async () => (await readyCount(orders)) > afterJoin, 30_000);

    const leaving = bakery.workers[0]!;
    await leaving.stop("SIGTERM");
    expect(await leaving.exited).toBe(0);
    await untilAllReady(orders, 40_000);
  });
});
