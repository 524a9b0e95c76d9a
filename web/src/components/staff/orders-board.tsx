"use client";

import type { OrderView } from "@bakery/shared/order";
import { formatTimeOfDay } from "@/client/format";
import { InPreparation } from "./in-preparation";
import { ReadyForPickup } from "./ready-for-pickup";
import { RecentlyCancelled } from "./recently-cancelled";

function RecentlyCollected({ orders }: { orders: readonly OrderView[] }) {
  if (orders.length === 0) return null;
  return (
    <section aria-labelledby="recently-collected" className="px-1">
      <h2 id="recently-collected" className="text-sm font-semibold text-stone-600">
        Recently collected
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {orders.map((order) => (
          <li key={order.id} className="rounded-full border border-stone-200 bg-white px-3 py-1 text-sm text-stone-600">
            <span className="font-mono font-semibold text-stone-800">{order.pickupCode}</span> {order.customerName}
            {order.collectedAt && (
              <span className="text-stone-400 tabular"> · {formatTimeOfDay(order.collectedAt)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The counter's view of the orders: what is cooking, what to hand over, what just left. */
export function OrdersBoard({
  inPreparation,
  readyForPickup,
  collected,
  cancelled,
  now,
  lateGraceS,
  onChanged,
}: {
  inPreparation: readonly OrderView[];
  readyForPickup: readonly OrderView[];
  collected: readonly OrderView[];
  cancelled: readonly OrderView[];
  now: number;
  lateGraceS: number;
  onChanged: (view: OrderView) => void;
}) {
  return (
    <div className="space-y-4">
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <ReadyForPickup orders={readyForPickup} now={now} onChanged={onChanged} />
        <InPreparation orders={inPreparation} now={now} lateGraceS={lateGraceS} onCancelled={onChanged} />
      </div>
      <RecentlyCollected orders={collected} />
      <RecentlyCancelled orders={cancelled} />
    </div>
  );
}
