import { describe, expect, it } from "vitest";
import { judgeClaim, type ClaimDoc } from "./preparation-claims";

const claim = (worker: string, n: number, untilMs: number): ClaimDoc => ({
  _id: `i1/${n}`,
  itemId: "i1",
  n,
  worker,
  startedAt: new Date(0),
  until: new Date(untilMs),
});

describe("who prepares an item", () => {
  it("lets the first worker claim an item nobody started", () => {
    expect(judgeClaim({ latest: undefined, worker: "a", now: 0, graceMs: 3_000 })).toEqual({
      kind: "claim",
      n: 1,
      afterOther: false,
    });
  });

  it("leaves an item to the worker that claimed it until its lease and the grace are over", () => {
    const theirs = claim("a", 1, 10_000);
    expect(judgeClaim({ latest: theirs, worker: "b", now: 5_000, graceMs: 3_000 })).toEqual({
      kind: "busy",
      claim: theirs,
      takeOverAt: 13_000,
    });
    // Past its lease the first cook records nothing; within the grace its last record may still land.
    expect(judgeClaim({ latest: theirs, worker: "b", now: 12_999, graceMs: 3_000 }).kind).toBe("busy");
    expect(judgeClaim({ latest: theirs, worker: "b", now: 13_000, graceMs: 3_000 })).toEqual({
      kind: "claim",
      n: 2,
      afterOther: true,
    });
  });

  it("lets a worker claim again an item whose own earlier attempt it gave up", () => {
    expect(judgeClaim({ latest: claim("a", 2, 10_000), worker: "a", now: 1_000, graceMs: 3_000 })).toEqual({
      kind: "claim",
      n: 3,
      afterOther: false,
    });
  });
});
