/** Where an item stands for the station when a withdrawal for it is taken, in partition order. */
export type ItemStanding =
  | { held: "queued" }
  | { held: "preparing" }
  | { held: "reporting" }
  | { held: "no"; outcome: "READY" | "WITHDRAWN" | "UNAVAILABLE" | undefined };

export type WithdrawalDecision =
  /** Not started: drop it, record WITHDRAWN, give its portion back, announce ItemWithdrawn. */
  | { kind: "withdraw"; fromQueue: boolean }
  /** Too late: it is being made or made. */
  | { kind: "refuse"; status: "PREPARING" | "READY" }
  /** Already settled: announce the recorded outcome again. */
  | { kind: "repeat"; outcome: "WITHDRAWN" | "UNAVAILABLE" };

/**
 * The station's one answer to "withdraw this item" (decide). Pure; the loop calls it and
 * acts in the same synchronous step as its queue, so a cook cannot start the item in between.
 * An item not seen yet (the withdrawal overtook it) is withdrawn ahead: its record makes the
 * station skip it when it arrives.
 */
export function decideWithdrawal(standing: ItemStanding): WithdrawalDecision {
  switch (standing.held) {
    case "queued":
      return { kind: "withdraw", fromQueue: true };
    case "preparing":
      return { kind: "refuse", status: "PREPARING" };
    case "reporting":
      return { kind: "refuse", status: "READY" };
    case "no":
      if (standing.outcome === "READY") return { kind: "refuse", status: "READY" };
      if (standing.outcome) return { kind: "repeat", outcome: standing.outcome };
      return { kind: "withdraw", fromQueue: false };
  }
}
