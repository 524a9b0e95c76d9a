import { afterEach, describe, expect, it } from "vitest";
import { startBakery, type Bakery } from "./harness/bakery";
import { stableGroupMembers } from "./harness/kafka-group";
import { stationWire, type StationWire } from "./harness/station-kafka";
import { waitFor } from "./harness/wait-for";

let bakery: Bakery | undefined;
let wire: StationWire | undefined;
afterEach(async () => {
  await wire?.close();
  await bakery?.close();
  bakery = undefined;
  wire = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// npm run chaos, fault 6 and a Kafka outage: a worker that lost its partitions without knowing it
// (frozen past its session, or stuck while the broker was away) kept preparing the items in its
// hands while the worker that took its partitions prepared them too: 656 items prepared twice.
describe("a worker frozen past its session timeout (a zombie)", () => {
  it("does not prepare again an item another worker took over while it was frozen", async () => {
    // One cook, Big Macs of 2 s: the item is in hand when the worker freezes.
    bakery = await startBakery({ kitchens: 1, bars: 0, env: { KITCHEN_COOKS: "1", PREP_TIME_SCALE: "0.5" } });
    wire = await stationWire(bakery.env);
    await waitFor(
      "the first kitchen worker in its group",
      async () => (await stableGroupMembers(bakery!.env.KAFKA_BROKERS!, bakery!.env.KITCHEN_GROUP_ID!)) === 1,
      60_000,
      250,
    );
    const order = await bakery.placeOrder([{ menuItemId: 3, quantity: 1 }]);
    const itemId = order.items[0]!.itemId;
    await wire.until("the first worker started the item", () => wire!.about(itemId).has("ItemStarted"));

    const zombie = bakery.workers[0]!;
    zombie.child.kill("SIGSTOP");
    bakery.startWorker("kitchen");
    // Past the session timeout (6 s) the group gives the partitions to the second worker.
    await sleep(13_000);
    zombie.child.kill("SIGCONT");

    expect((await bakery.untilReady(order.id, 60_000)).status).toBe("READY");
    // Time for a woken zombie to finish and announce what it had in hand.
    await sleep(4_000);
    expect(wire.preparedBy(itemId)).toHaveLength(1);
  });
});
