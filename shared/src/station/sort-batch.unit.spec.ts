import { describe, expect, it } from "vitest";
import { createPartitionProgress } from "./partition-progress";
import { sortBatch, type HeldCopy } from "./sort-batch";

const recipes = new Map([[5, { id: 5, name: "Hot Dog", prepSeconds: 1 }]]);
const ordered = (itemId: string, offset: string, menuItemId = 5) => ({
  offset,
  value: Buffer.from(
    JSON.stringify({
      id: `${itemId}.ordered`,
      type: "ItemOrdered",
      version: 1,
      occurredAt: "2026-11-25T12:00:00.000Z",
      orderId: itemId.split(".")[0],
      data: { itemId, menuItemId, name: "Hot Dog", station: "KITCHEN" },
    }),
  ),
});
const sort = (messages: ReturnType<typeof ordered>[], held: Record<string, HeldCopy> = {}) =>
  sortBatch({
    partition: 0,
    messages,
    held: (itemId) => held[itemId],
    station: "KITCHEN",
    recipes,
    prepTimeScale: 1,
  }).map((verdict) => verdict.kind);

describe("sorting a batch", () => {
  it("takes items it does not hold as new, and a second message for one of them as another copy", () => {
    expect(sort([ordered("a.1", "0"), ordered("a.2", "1"), ordered("a.1", "2")])).toEqual(["new", "new", "other-copy"]);
  });

  it("tells the message in hand delivered again from another message for the same item", () => {
    const held = { "a.1": { partition: 0, offset: "0" } };
    expect(sort([ordered("a.1", "0"), ordered("a.1", "9")], held)).toEqual(["same-copy", "other-copy"]);
  });

  it("sets aside what cannot be a ticket, and names an item it has no recipe for", () => {
    expect(sort([{ offset: "0", value: Buffer.from("{nope") }, ordered("a.1", "1", 99)])).toEqual([
      "dead-letter",
      "unknown-item",
    ]);
  });

  it("keeps the commit point below items in hand when a rebalance delivers them again", () => {
    const progress = createPartitionProgress();
    const held: Record<string, HeldCopy> = {};
    const take = (messages: ReturnType<typeof ordered>[]) => {
      const verdicts = sortBatch({
        partition: 0,
        messages,
        held: (id) => held[id],
        station: "KITCHEN",
        recipes,
        prepTimeScale: 1,
      });
      for (const verdict of verdicts) {
        progress.begin(0, verdict.offset);
        if (verdict.kind === "new") held[verdict.ticket.itemId] = { partition: 0, offset: verdict.offset };
        if (verdict.kind === "other-copy") progress.finish(0, verdict.offset);
      }
    };
    take([ordered("a.1", "0"), ordered("b.1", "1"), ordered("c.1", "2")]);
    progress.finish(0, "0"); // a.1 ready, and its offset committed
    delete held["a.1"];
    progress.markCommitted(0, "1");
    // The worker rejoins its group, keeps the partition and is handed offsets 1 and 2 again.
    take([ordered("b.1", "1"), ordered("c.1", "2")]);
    expect(progress.committable()).toEqual([]);
    progress.finish(0, "1"); // b.1 ready
    expect(progress.committable()).toEqual([{ partition: 0, offset: "2" }]);
  });
});
