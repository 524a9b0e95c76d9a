import { describe, expect, it } from "vitest";
import { findDoubleEffects, type WorkerLife } from "./double-effects";

const lives: WorkerLife[] = [
  { worker: "k-a", slot: "kitchen-1", frozen: [] },
  { worker: "k-b", slot: "kitchen-2", frozen: [] },
  { worker: "k-dead", slot: "kitchen-3", endedAt: 1_020, frozen: [] },
  { worker: "k-zombie", slot: "kitchen-4", frozen: [{ from: 1_100, to: 9_000 }] },
];
const start = (worker: string, at: number) => ({
  itemId: "o1.1",
  orderId: "o1",
  worker,
  at,
  expectedReadyAt: at + 500,
});

describe("double effects", () => {
  it("finds none for an item started and prepared once", () => {
    const found = findDoubleEffects({ starts: [start("k-a", 1_000)], preparations: [start("k-a", 1_050)], lives });
    expect(found).toEqual({ problems: [], restarts: [] });
  });

  it("counts a second start while the first worker was running and preparing it, naming the order and both workers", () => {
    const { problems } = findDoubleEffects({
      starts: [start("k-a", 1_000), start("k-b", 1_200)],
      preparations: [],
      lives,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /item o1.1 of order o1 started by kitchen-1 .* and by kitchen-2 .* while the first was running/,
    );
  });

  it("takes a start after the first worker died, while it was frozen, or past its preparation, for a restart", () => {
    const late = findDoubleEffects({ starts: [start("k-a", 1_000), start("k-b", 2_000)], preparations: [], lives });
    expect(late.problems).toEqual([]);
    expect(late.restarts.map((r) => r.why.replace(/.*; /, ""))).toEqual(["the first was past its preparation"]);
    const found = findDoubleEffects({
      starts: [start("k-dead", 1_000), start("k-zombie", 1_050), start("k-a", 2_000)],
      preparations: [start("k-a", 2_050)],
      lives,
    });
    expect(found.problems).toEqual([]);
    expect(found.restarts.map((r) => r.why.replace(/.*; /, ""))).toEqual([
      "the first had ended",
      "the first was frozen",
    ]);
  });

  it("counts two workers that each prepared the item to its end (a frozen one that finished after waking)", () => {
    const { problems } = findDoubleEffects({
      starts: [start("k-zombie", 1_050), start("k-a", 2_000)],
      preparations: [start("k-a", 2_050), start("k-zombie", 9_001)],
      lives,
    });
    expect(problems.map((p) => p.message)).toEqual([
      "item o1.1 of order o1 prepared to the end by 2 workers (kitchen-1, kitchen-4)",
    ]);
  });
});
