import { describe, expect, it } from "vitest";
import { itemQueuedEvent, itemReadyEvent, itemStartedEvent, ItemQueued, ItemReady, ItemStarted } from "../events";
import { seenBefore, settleFresh } from "./settle-fresh";
import type { Ticket } from "./station-queue";

const ticket = (n: number): Ticket => ({
  itemId: `o${n}.1`,
  orderId: `o${n}`,
  menuItemId: 5,
  name: "Hot Dog",
  station: "KITCHEN",
  prepMs: 100,
  partition: 0,
  offset: String(n),
});

describe("settling the new tickets of a batch", () => {
  it("queues what is new or unfinished and only announces READY again for what was completed", () => {
    const fresh = [ticket(1), ticket(2), ticket(3)];
    const firstSeen = new Set(["o1.1"]);
    expect(seenBefore(fresh, firstSeen).map((t) => t.itemId)).toEqual(["o2.1", "o3.1"]);
    const settled = settleFresh({ fresh, firstSeen, completedAt: new Map([["o3.1", 42]]) });
    expect(settled.enqueue.map((t) => t.itemId)).toEqual(["o1.1", "o2.1"]);
    expect(settled.settledBefore).toEqual([{ ticket: ticket(3), readyAt: 42 }]);
  });
});

describe("station events", () => {
  it("are built valid, with ids that follow from the item", () => {
    const item = ticket(1);
    const queued = itemQueuedEvent(item, 0, { expectedReadyAt: 1000, position: 2 });
    expect(ItemQueued.parse(queued).id).toBe("o1.1.queued");
    expect(ItemStarted.parse(itemStartedEvent(item, 10, 110)).data.expectedReadyAt).toBe("1970-01-01T00:00:00.110Z");
    expect(ItemReady.parse(itemReadyEvent(item, 110)).data).toEqual({
      itemId: "o1.1",
      menuItemId: 5,
      name: "Hot Dog",
      station: "KITCHEN",
    });
  });
});
