import type { OrderView } from "./order";

const FINAL: readonly OrderView["status"][] = ["READY", "COLLECTED", "CANCELLED"];
const sum = (items: readonly { priceCents: number }[]) => items.reduce((total, item) => total + item.priceCents, 0);

/**
 * The money invariant, from the items alone: charged = prepared (READY) items, refunded = the
 * rest once settled (CANCELLED), charged + refunded (+ pending while open) = everything ordered
 * including substitutes; at a final status nothing is pending. Returns what is wrong, if anything.
 */
export function moneyProblems(view: OrderView): string[] {
  const { bill, items } = view;
  const problems: string[] = [];
  const expect = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) problems.push(`${what} is ${actual}, should be ${wanted}`);
  };
  expect("charged", bill.chargedCents, sum(items.filter((item) => item.status === "READY")));
  expect("refunded", bill.refundedCents, sum(items.filter((item) => item.status === "CANCELLED")));
  expect("ordered", bill.orderedCents, sum(items));
  expect("charged + refunded + pending", bill.chargedCents + bill.refundedCents + bill.pendingCents, sum(items));
  if (FINAL.includes(view.status)) expect(`pending at ${view.status}`, bill.pendingCents, 0);
  return problems.map((problem) => `order ${view.id} (${view.status}): ${problem}`);
}
