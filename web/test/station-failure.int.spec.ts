import { afterEach, describe, expect, it } from "vitest";
import { connectMongo } from "@bakery/shared/mongo";
import type { CompletionDoc } from "@bakery/shared/station/outcomes";
import { stableGroupMembers } from "./harness/kafka-group";
import { sagaEnv } from "./harness/saga-env";
import { commands, stationWire, type StationWire } from "./harness/station-kafka";
import { waitFor } from "./harness/wait-for";
import { startWorker, type WorkerProcess } from "./harness/worker-process";

let workers: WorkerProcess[] = [];
let wire: StationWire | undefined;
afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  workers = [];
  await wire?.close();
  wire = undefined;
});

async function kitchenWith(env: Record<string, string>, count: number) {
  workers = Array.from({ length: count }, () => startWorker("kitchen", env));
  await waitFor(
    `${count} kitchen worker(s) in the group`,
    async () => (await stableGroupMembers(env.KAFKA_BROKERS!, env.KITCHEN_GROUP_ID!)) === count,
    60_000,
    250,
  );
}

/** The kitchen's own records: outcomes, and the stock slots claimed for an item (extra = given back). */
async function kitchenRecords(env: Record<string, string>, menuItemId: number) {
  const { client, db } = await connectMongo(env.MONGODB_URL!, env.KITCHEN_DB!);
  try {
    const outcomes = await db.collection<CompletionDoc>("completions").find({}).toArray();
    const slots = (await db.collection<{ _id: string }>("portions").find({}).toArray())
      .map((doc) => doc._id)
      .filter((id) => id.startsWith(`${menuItemId}/`));
    return {
      outcomes: new Map(outcomes.map((doc) => [doc._id, doc.outcome])),
      claimed: slots.filter((id) => !id.includes("/x/")).length,
      givenBack: slots.filter((id) => id.includes("/x/")).length,
    };
  } finally {
    await client.close();
  }
}

const itemIds = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}.1`);
const orderOf = (itemId: string) => itemId.slice(0, -2);

describe("the station's side of the failure half", () => {
  it("sells exactly the 5 portions in stock to 20 concurrent orders across two workers", async () => {
    const env = sagaEnv({ KITCHEN_COOKS: "2" });
    wire = await stationWire(env);
    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.stockSet("KITCHEN", 5, 5)]);
    await kitchenWith(env, 2);
    const items = itemIds("stock", 20);
    await wire.send(
      env.TOPIC_FOODS!,
      items.map((itemId) => commands.itemOrdered(orderOf(itemId), itemId, 5, "Hot Dog")),
    );
    await wire.until("an outcome for every item", () =>
      items.every((id) => wire!.about(id).has("ItemReady") || wire!.about(id).has("ItemUnavailable")),
    );

    const prepared = items.filter((id) => wire!.about(id).has("ItemReady"));
    const unavailable = items.filter((id) => wire!.about(id).has("ItemUnavailable"));
    expect(prepared).toHaveLength(5);
    expect(unavailable).toHaveLength(15);
    expect(prepared.filter((id) => unavailable.includes(id))).toEqual([]);
    expect(unavailable.filter((id) => wire!.about(id).has("ItemStarted"))).toEqual([]);
    const records = await kitchenRecords(env, 5);
    expect(items.filter((id) => records.outcomes.get(id) === "READY").sort()).toEqual(prepared.sort());
    expect(items.filter((id) => records.outcomes.get(id) === "UNAVAILABLE")).toHaveLength(15);
    // Stock never below 0: exactly one slot claimed per portion, none given back.
    expect(records.claimed).toBe(5);
    expect(records.givenBack).toBe(0);
    expect(wire.heard().some((e) => e.type === "StockChanged" && !e.data.available)).toBe(true);
  });

  it("reports an item it has no recipe for as unavailable (UNKNOWN_ITEM), not as a dead letter", async () => {
    const env = sagaEnv();
    wire = await stationWire(env);
    await kitchenWith(env, 1);
    await wire.send(env.TOPIC_FOODS!, [commands.itemOrdered("ghost", "ghost.1", 99, "Ghost")]);
    const unavailable = await waitFor("the ghost refused", async () =>
      wire!.heard().find((e) => e.type === "ItemUnavailable" && e.data.itemId === "ghost.1"),
    );
    expect(unavailable.type === "ItemUnavailable" && unavailable.data.reason).toBe("UNKNOWN_ITEM");
  });

  it("gives one answer to each of 50 withdrawals racing with the start of their item", async () => {
    // One cook and 50 ms items: the first few start before their withdrawal arrives, the rest wait in the queue.
    const env = sagaEnv({ KITCHEN_COOKS: "1", PREP_TIME_SCALE: "0.05" });
    wire = await stationWire(env);
    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.stockSet("KITCHEN", 5, 100)]);
    await kitchenWith(env, 1);
    const items = itemIds("race", 50);
    await Promise.all(
      items.map(async (itemId, i) => {
        await wire!.send(env.TOPIC_FOODS!, [commands.itemOrdered(orderOf(itemId), itemId, 5, "Hot Dog")]);
        await new Promise((resolve) => setTimeout(resolve, (i * 37) % 200));
        await wire!.send(env.TOPIC_FOODS!, [commands.withdrawal(orderOf(itemId), itemId, 5, "Hot Dog")]);
      }),
    );
    await wire.until("an answer to every withdrawal", () =>
      items.every((id) => {
        const about = wire!.about(id);
        return about.has("ItemWithdrawn") || (about.has("ItemWithdrawalRefused") && about.has("ItemReady"));
      }),
    );

    const records = await kitchenRecords(env, 5);
    let withdrawn = 0;
    for (const id of items) {
      const about = wire.about(id);
      const outcome = records.outcomes.get(id);
      if (about.has("ItemWithdrawn")) {
        withdrawn++;
        expect([id, about.has("ItemWithdrawalRefused"), about.has("ItemReady"), about.has("ItemStarted")]).toEqual([
          id,
          false,
          false,
          false,
        ]);
        expect([id, outcome]).toEqual([id, "WITHDRAWN"]);
      } else expect([id, outcome]).toEqual([id, "READY"]);
    }
    expect(withdrawn).toBeGreaterThan(0);
    expect(withdrawn).toBeLessThan(50);
    // Every withdrawn item gave its portion back.
    expect(records.claimed).toBe(50);
    expect(records.givenBack).toBe(withdrawn);
  });

  it("takes items in while paused, starts none, and finishes them after the resume", async () => {
    const env = sagaEnv({ KITCHEN_COOKS: "2" });
    wire = await stationWire(env);
    await kitchenWith(env, 1);
    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.status("KITCHEN", "StationPaused")]);
    await wire.until("the pause applied", () =>
      wire!.heard().some((e) => e.type === "StationStatusChanged" && e.data.paused),
    );
    const items = itemIds("paused", 4);
    await wire.send(
      env.TOPIC_FOODS!,
      items.map((itemId) => commands.itemOrdered(orderOf(itemId), itemId, 5, "Hot Dog")),
    );
    await wire.until("every item queued", () => items.every((id) => wire!.about(id).has("ItemQueued")));
    // A later control message, applied after the items were queued: a running station would have started them by now.
    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.stockSet("KITCHEN", 7, null)]);
    await wire.until("a later control message applied", () =>
      wire!.heard().some((e) => e.type === "StockChanged" && e.data.menuItemId === 7),
    );
    expect(items.filter((id) => wire!.about(id).has("ItemStarted"))).toEqual([]);

    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.status("KITCHEN", "StationResumed")]);
    await wire.until("every item ready after the resume", () => items.every((id) => wire!.about(id).has("ItemReady")));
  });

  it("neither loses nor double counts a portion when the worker is killed (-9) while preparing", async () => {
    // Lemon tarts take 4 s at this scale: killed while all three are in hand.
    const env = sagaEnv({ KITCHEN_COOKS: "3", PREP_TIME_SCALE: "0.5" });
    wire = await stationWire(env);
    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.stockSet("KITCHEN", 6, 3)]);
    await kitchenWith(env, 1);
    const items = itemIds("killed", 3);
    await wire.send(
      env.TOPIC_FOODS!,
      items.map((itemId) => commands.itemOrdered(orderOf(itemId), itemId, 6, "Torta de limão")),
    );
    await wire.until("every tart started", () => items.every((id) => wire!.about(id).has("ItemStarted")));
    await workers[0]!.stop("SIGKILL");

    workers.push(startWorker("kitchen", env));
    await wire.until(
      "every tart ready after the restart",
      () => items.every((id) => wire!.about(id).has("ItemReady")),
      60_000,
    );
    const late = "killed-late.1";
    await wire.send(env.TOPIC_FOODS!, [commands.itemOrdered(orderOf(late), late, 6, "Torta de limão")]);
    await wire.until("the fourth tart refused", () => wire!.about(late).has("ItemUnavailable"));
    const records = await kitchenRecords(env, 6);
    expect(records.claimed).toBe(3);
    expect(items.map((id) => records.outcomes.get(id))).toEqual(["READY", "READY", "READY"]);
    expect(records.outcomes.get(late)).toBe("UNAVAILABLE");
  });
});
