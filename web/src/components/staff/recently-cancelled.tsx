import type { OrderView } from "@bakery/shared/order";
import { formatPrice, formatTimeOfDay } from "@/client/format";

function whoCancelled({ cancellation }: OrderView): string {
  if (!cancellation) return "Nothing left to make";
  if (cancellation.by === "CUSTOMER") return "By the customer";
  return `By staff${cancellation.reason ? `: ${cancellation.reason}` : ""}`;
}

/** Orders cancelled a moment ago: by whom and why, what was refunded, and what was made for nothing. */
export function RecentlyCancelled({ orders }: { orders: readonly OrderView[] }) {
  if (orders.length === 0) return null;
  return (
    <section aria-labelledby="recently-cancelled" className="px-1">
      <h2 id="recently-cancelled" className="text-sm font-semibold text-stone-600">
        Recently cancelled
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {orders.map((order) => {
          const waste = order.items.filter((item) => item.waste);
          return (
            <li
              key={order.id}
              data-pickup-code={order.pickupCode}
              className="rounded-2xl border border-stone-200 bg-white px-3 py-1.5 text-sm text-stone-600"
            >
              <span className="font-mono font-semibold text-stone-800">{order.pickupCode}</span> {order.customerName}
              {order.cancelledAt && (
                <span className="text-stone-400 tabular"> · {formatTimeOfDay(order.cancelledAt)}</span>
              )}
              <span className="block text-xs">
                {whoCancelled(order)} · refunded {formatPrice(order.bill.refundedCents)}
              </span>
              {waste.length > 0 && (
                <span className="block text-xs font-semibold text-red-800">
                  Waste: {waste.map((item) => item.name).join(", ")}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
