import { describe, expect, it } from "vitest";
import { createStationQueue, type Ticket } from "./station-queue";

const ticket = (n: number, prepMs: number, partition = 0): Ticket => ({
  itemId: `i${n}`,
  orderId: `o${n}`,
  menuItemId: 1,
  name: "x",
  station: "KITCHEN",
  prepMs,
  partition,
  offset: String(n),
});

describe("station queue", () => {
  it("serves first in, first out with as many items in hand as there are hands", () => {
    const queue = createStationQueue(2);
    const queued = queue.enqueue([ticket(1, 5000), ticket(2, 4000), ticket(3, 1000)], 0);
    expect(queued.map((t) => [t.position, t.expectedReadyAt])).toEqual([
      [0, 5000],
      [1, 4000],
      [2, 5000],
    ]);
    expect(queue.startNext(0).map((t) => t.itemId)).toEqual(["i1", "i2"]);
    expect(queue.startNext(0)).toEqual([]);
    queue.finish("i2");
    expect(queue.startNext(4000).map((t) => [t.itemId, t.expectedReadyAt])).toEqual([["i3", 5000]]);
  });

  it("knows which items it holds, so a redelivered copy is not taken twice", () => {
    const queue = createStationQueue(1);
    queue.enqueue([ticket(1, 10), ticket(2, 10)], 0);
    queue.startNext(0);
    expect(queue.has("i1") && queue.has("i2")).toBe(true);
    queue.finish("i1");
    expect(queue.has("i1")).toBe(true);
    queue.release("i1");
    expect(queue.has("i1")).toBe(false);
  });

  it("still holds a prepared item while its completion is being recorded, so a copy arriving then is not queued again", () => {
    const queue = createStationQueue(1);
    queue.enqueue([ticket(1, 10), ticket(2, 10)], 0);
    queue.startNext(0);
    queue.finish("i1");
    // The hand is free for the next ticket at once...
    expect(queue.startNext(10).map((t) => t.itemId)).toEqual(["i2"]);
    // ...while the first is still held, with the offset of the copy in hand.
    expect(queue.get("i1")?.offset).toBe("1");
  });

  it("gives up the waiting work of partitions it no longer owns, and finishes what is in hand", () => {
    const queue = createStationQueue(1);
    queue.enqueue([ticket(1, 10, 0), ticket(2, 10, 1), ticket(3, 10, 0)], 0);
    queue.startNext(0);
    const dropped = queue.keepOnly((partition) => partition === 1);
    expect(dropped.map((t) => t.itemId)).toEqual(["i3"]);
    expect(queue.counts).toEqual({ queued: 1, preparing: 1 });
    expect(queue.finish("i1")?.itemId).toBe("i1");
  });

  it("holds an item another worker prepares without a hand on it, and can queue it again first", () => {
    const queue = createStationQueue(1);
    queue.enqueue([ticket(1, 10), ticket(2, 10)], 0);
    queue.startNext(0);
    expect(queue.defer("i1")).toBe(true);
    expect(queue.standing("i1")).toBe("preparing");
    expect(queue.get("i1")?.offset).toBe("1");
    // The hand is free for the next ticket.
    expect(queue.startNext(0).map((t) => t.itemId)).toEqual(["i2"]);
    expect(queue.requeue("i1")).toBe(true);
    expect(queue.standing("i1")).toBe("queued");
    queue.finish("i2");
    expect(queue.startNext(10).map((t) => t.itemId)).toEqual(["i1"]);
  });

  it("withdraws a ticket only while it waits", () => {
    const queue = createStationQueue(1);
    queue.enqueue([ticket(1, 10), ticket(2, 10)], 0);
    queue.startNext(0);
    expect(queue.standing("i1")).toBe("preparing");
    expect(queue.withdraw("i1")).toBeUndefined();
    expect(queue.withdraw("i2")?.itemId).toBe("i2");
    expect(queue.standing("i2")).toBeUndefined();
    queue.finish("i1");
    expect(queue.standing("i1")).toBe("reporting");
  });
});
