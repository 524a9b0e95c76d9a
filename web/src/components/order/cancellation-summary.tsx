import type { ItemView, OrderView } from "@bakery/shared/order";
import { formatPrice } from "@/client/format";

const withdrawn = (item: ItemView) =>
  item.status === "CANCELLED" && item.cancelReason !== "REPLACED" && item.cancelReason !== "REMOVED";

function Group({ title, items, tone }: { title: string; items: readonly ItemView[]; tone: string }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className={`text-sm font-semibold ${tone}`}>{title}</h3>
      <ul aria-label={title} className="mt-1 flex flex-wrap gap-1.5">
        {items.map((item) => (
          <li key={item.itemId} className="rounded-full border border-stone-200 bg-white px-2.5 py-0.5 text-sm">
            {item.name} <span className="text-stone-500 tabular">{formatPrice(item.priceCents)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * After a cancellation: what was taken off (refunded), what was too far along and is still
 * made for the customer (charged), what the stations have not answered for yet, and, when
 * staff cancelled, what was made but not handed over.
 */
export function CancellationSummary({ view }: { view: OrderView }) {
  const { cancellation } = view;
  if (!cancellation) return null;
  const byStaff = cancellation.by === "STAFF";
  const items = view.items;
  return (
    <section
      aria-labelledby="cancellation-heading"
      data-testid="cancellation-summary"
      className="space-y-3 rounded-3xl border border-stone-200 bg-flour p-5 sm:p-6"
    >
      <div>
        <h2 id="cancellation-heading" className="text-lg font-bold text-crust-900">
          {byStaff ? "The bakery cancelled this order" : "You cancelled this order"}
        </h2>
        {byStaff && cancellation.reason && <p className="text-sm text-stone-600">Reason: {cancellation.reason}</p>}
      </div>
      <Group title="Taken off and refunded" items={items.filter(withdrawn)} tone="text-red-800" />
      <Group
        title="Already being made — still yours"
        items={items.filter((item) => (item.status === "PREPARING" || item.status === "READY") && !item.waste)}
        tone="text-basil-800"
      />
      <Group title="Made, but not handed over" items={items.filter((item) => item.waste)} tone="text-stone-700" />
      <Group
        title="Checking with the stations…"
        items={items.filter((item) => item.status === "QUEUED" || item.status === "UNAVAILABLE")}
        tone="text-stone-600"
      />
      <p className="text-base font-semibold text-stone-900 tabular" data-testid="cancellation-refund">
        Refunded: {formatPrice(view.bill.refundedCents)}
      </p>
    </section>
  );
}
