import type { Bill, BillLine, ItemView } from "@bakery/shared/order";
import { formatPrice } from "@/client/format";

const stateWord: Record<BillLine["state"], string> = {
  CHARGED: "Charged",
  REFUNDED: "Refunded",
  PENDING: "When ready",
};

function Line({ line, status }: { line: BillLine; status: ItemView["status"] | undefined }) {
  const refunded = line.state === "REFUNDED";
  // Not settled because the customer has a choice to make, not because it is cooking.
  const word = status === "UNAVAILABLE" ? "Your choice" : stateWord[line.state];
  return (
    <li className="flex items-baseline justify-between gap-3 py-1.5" data-testid="bill-line" data-state={line.state}>
      <span className={`min-w-0 ${refunded ? "text-stone-500 line-through" : "text-stone-800"}`}>
        {line.name}
        {line.substitute && (
          <span className="ml-1.5 rounded-full bg-crust-50 px-1.5 py-0.5 text-xs font-medium text-crust-800 no-underline">
            substitute
          </span>
        )}
      </span>
      <span className="flex shrink-0 items-baseline gap-2">
        <span
          className={`text-xs font-semibold tracking-wide uppercase ${line.state === "CHARGED" ? "text-basil-700" : refunded ? "text-red-700" : "text-stone-500"}`}
        >
          {word}
        </span>
        <span className={`tabular ${refunded ? "text-stone-400 line-through" : "font-medium text-stone-900"}`}>
          {formatPrice(line.priceCents)}
        </span>
      </span>
    </li>
  );
}

function Total({
  label,
  cents,
  strong,
  minus,
  testId,
}: {
  label: string;
  cents: number;
  strong?: boolean;
  minus?: boolean;
  testId: string;
}) {
  return (
    <div className={`flex items-baseline justify-between gap-3 ${strong ? "text-lg font-bold text-crust-900" : ""}`}>
      <dt>{label}</dt>
      <dd className="tabular" data-testid={testId}>
        {minus && "− "}
        {formatPrice(cents)}
      </dd>
    </div>
  );
}

/**
 * What the customer pays, line by line: ordered, substituted, refunded, and what is charged.
 * Nothing is charged before it is made; what was not made is refunded.
 */
export function OrderBill({ bill, items }: { bill: Bill; items: readonly Pick<ItemView, "itemId" | "status">[] }) {
  return (
    <section aria-labelledby="bill-heading" className="rounded-3xl border border-crust-100 bg-flour p-5 sm:p-6">
      <h2 id="bill-heading" className="text-lg font-bold text-crust-900">
        Your bill
      </h2>
      <ul className="mt-2 divide-y divide-crust-100 text-sm">
        {bill.lines.map((line) => (
          <Line key={line.itemId} line={line} status={items.find((item) => item.itemId === line.itemId)?.status} />
        ))}
      </ul>
      <dl className="mt-2 space-y-1 border-t-2 border-dashed border-crust-200 pt-3 text-sm text-stone-700">
        <Total label="Ordered" cents={bill.orderedCents} testId="bill-ordered" />
        {bill.refundedCents > 0 && <Total label="Refunded" cents={bill.refundedCents} minus testId="bill-refunded" />}
        {bill.pendingCents > 0 && <Total label="Charged when ready" cents={bill.pendingCents} testId="bill-pending" />}
        <Total label="Charged" cents={bill.chargedCents} strong testId="bill-charged" />
      </dl>
    </section>
  );
}
