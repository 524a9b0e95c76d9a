import { describe, expect, it } from "vitest";
import { decideWithdrawal } from "./withdrawal";

describe("deciding a withdrawal", () => {
  it("withdraws what has not started, and ahead what has not arrived", () => {
    expect(decideWithdrawal({ held: "queued" })).toEqual({ kind: "withdraw", fromQueue: true });
    expect(decideWithdrawal({ held: "no", outcome: undefined })).toEqual({ kind: "withdraw", fromQueue: false });
  });

  it("refuses once the item is being made or made", () => {
    expect(decideWithdrawal({ held: "preparing" })).toEqual({ kind: "refuse", status: "PREPARING" });
    expect(decideWithdrawal({ held: "reporting" })).toEqual({ kind: "refuse", status: "READY" });
    expect(decideWithdrawal({ held: "no", outcome: "READY" })).toEqual({ kind: "refuse", status: "READY" });
  });

  it("repeats an outcome already recorded", () => {
    expect(decideWithdrawal({ held: "no", outcome: "WITHDRAWN" })).toEqual({ kind: "repeat", outcome: "WITHDRAWN" });
    expect(decideWithdrawal({ held: "no", outcome: "UNAVAILABLE" })).toEqual({
      kind: "repeat",
      outcome: "UNAVAILABLE",
    });
  });
});
