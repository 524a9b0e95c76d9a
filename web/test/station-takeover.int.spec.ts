import { afterEach, describe, expect, it } from "vitest";
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

// npm run chaos (fault 1 while staff set a stock): a tart started by a worker killed with
// kill -9 was judged again against the stock by the worker that took its partition, found
// sold out and recorded UNAVAILABLE; the order stayed IN_PREPARATION for ever (an item
// PREPARING does not become UNAVAILABLE).
describe("an item another worker takes over", () => {
  it("is made, not judged sold out, when it was started before the stock ran out", async () => {
    // Lemon tarts take 4 s at this scale: the worker is killed with the tart in hand.
    const env = sagaEnv({ KITCHEN_COOKS: "1", PREP_TIME_SCALE: "0.5" });
    wire = await stationWire(env);
    workers = [startWorker("kitchen", env)];
    await waitFor(
      "the kitchen worker in its group",
      async () => (await stableGroupMembers(env.KAFKA_BROKERS!, env.KITCHEN_GROUP_ID!)) === 1,
      60_000,
      250,
    );
    const itemId = "takeover0.1";
    await wire.send(env.TOPIC_FOODS!, [commands.itemOrdered("takeover0", itemId, 6, "Torta de limão")]);
    await wire.until("the tart started", () => wire!.about(itemId).has("ItemStarted"));
    await workers[0]!.stop("SIGKILL");

    // Staff run out of tarts before another worker takes the item over.
    await wire.send(env.TOPIC_STATION_CONTROL!, [commands.stockSet("KITCHEN", 6, 0)]);
    workers.push(startWorker("kitchen", env));
    await wire.until(
      "the tart's outcome",
      () => wire!.about(itemId).has("ItemReady") || wire!.about(itemId).has("ItemUnavailable"),
      60_000,
    );
    expect(wire.about(itemId).has("ItemUnavailable")).toBe(false);
    expect(wire.about(itemId).has("ItemReady")).toBe(true);
  });
});
