import type { OrderView } from "@bakery/shared/order";
import { formatClock, formatDuration } from "@/client/format";
import { lateness, type Lateness } from "@/client/lateness";
import { itemStatusWord } from "@/client/order-words";
import { StaffCancel } from "./staff-cancel";

const chip = {
  QUEUED: "bg-stone-100 text-stone-600",
  UNAVAILABLE: "bg-red-100 text-red-800",
  CANCELLED: "bg-stone-200 text-stone-500 line-through",
  PREPARING: "bg-crust-100 text-crust-800",
  READY: "bg-basil-100 text-basil-800",
} as const;

const card: Record<Lateness["level"], string> = {
  "on-time": "border-stone-200 bg-white",
  late: "border-amber-300 bg-amber-50",
  "very-late": "border-red-300 bg-red-50",
};

function LateBadge({ late }: { late: Lateness }) {
  if (late.level === "on-time") return null;
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-bold tabular ${late.level === "late" ? "bg-amber-200 text-amber-950" : "bg-red-700 text-white"}`}
    >
      {late.level === "late" ? "Late" : "Very late"} {formatClock(late.lateMs)}
    </span>
  );
}

function PreparingOrder({
  order,
  now,
  lateGraceS,
  onCancelled,
}: {
  order: OrderView;
  now: number;
  lateGraceS: number;
  onCancelled: (view: OrderView) => void;
}) {
  const left = Date.parse(order.eta) - now;
  const late = lateness(order, now, lateGraceS);
  return (
    <li
      data-pickup-code={order.pickupCode}
      data-lateness={late.level}
      className={`rounded-2xl border p-3 ${card[late.level]}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-mono text-lg font-bold text-crust-900">{order.pickupCode}</span>
          <span className="text-sm text-stone-600">{order.customerName}</span>
          <LateBadge late={late} />
          {order.status === "NEEDS_ACTION" && (
            <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
              Waiting for the customer&apos;s choice
            </span>
          )}
        </p>
        <p className="text-xs text-stone-500 tabular">
          {formatDuration(now - Date.parse(order.placedAt))} ago ·{" "}
          {left > 0 ? `ready in ${formatClock(left)}` : "due now"}
        </p>
      </div>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-2">
        <ul className="flex flex-wrap gap-1.5" aria-label={`Items of ${order.pickupCode}`}>
          {order.items.map((item) => (
            <li key={item.itemId} className={`rounded-full px-2 py-0.5 text-xs font-medium ${chip[item.status]}`}>
              {item.name} · {itemStatusWord[item.status]}
            </li>
          ))}
        </ul>
        <StaffCancel order={order} onCancelled={onCancelled} />
      </div>
    </li>
  );
}

/**
 * Orders still being made, oldest first. One past its promise turns amber, and red once it is
 * `lateGraceS` past it, by this screen's clock.
 */
export function InPreparation({
  orders,
  now,
  lateGraceS,
  onCancelled,
}: {
  orders: readonly OrderView[];
  now: number;
  lateGraceS: number;
  onCancelled: (view: OrderView) => void;
}) {
  return (
    <section aria-labelledby="in-preparation" className="rounded-3xl border border-crust-100 bg-flour p-4 sm:p-5">
      <h2 id="in-preparation" className="flex items-center justify-between text-lg font-bold text-crust-900">
        In preparation
        <span className="rounded-full bg-crust-100 px-2.5 py-0.5 text-sm text-crust-800 tabular">{orders.length}</span>
      </h2>
      {orders.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500">No orders being prepared.</p>
      ) : (
        <ul aria-label="In preparation" className="mt-3 space-y-2">
          {orders.map((order) => (
            <PreparingOrder key={order.id} order={order} now={now} lateGraceS={lateGraceS} onCancelled={onCancelled} />
          ))}
        </ul>
      )}
    </section>
  );
}
