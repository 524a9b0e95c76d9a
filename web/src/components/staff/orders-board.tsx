"use client";

import { useState } from "react";
import type { OrderView } from "@bakery/shared/order";
import { ApiRequestError, describeError, requestJson } from "@/client/api";
import { formatClock, formatDuration, formatTimeOfDay } from "@/client/format";
import { itemStatusWord } from "@/client/order-words";
import { AlertIcon, CheckIcon } from "@/components/ui/icons";

/** "2× Batata Frita, Coca" */
function itemsSummary(order: OrderView): string {
  const counts = new Map<string, number>();
  for (const item of order.items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(", ");
}

const chip = {
  QUEUED: "bg-stone-100 text-stone-600",
  UNAVAILABLE: "bg-red-100 text-red-800",
  CANCELLED: "bg-stone-200 text-stone-500 line-through",
  PREPARING: "bg-crust-100 text-crust-800",
  READY: "bg-basil-100 text-basil-800",
} as const;

function InPreparation({ orders, now }: { orders: readonly OrderView[]; now: number }) {
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
          {orders.map((order) => {
            const left = Date.parse(order.eta) - now;
            return (
              <li
                key={order.id}
                data-pickup-code={order.pickupCode}
                className="rounded-2xl border border-stone-200 bg-white p-3"
              >
                <div className="flex items-baseline justify-between gap-3">
                  <p>
                    <span className="font-mono text-lg font-bold text-crust-900">{order.pickupCode}</span>{" "}
                    <span className="text-sm text-stone-600">{order.customerName}</span>
                  </p>
                  <p className="text-xs text-stone-500 tabular">
                    {formatDuration(now - Date.parse(order.placedAt))} ago ·{" "}
                    {left > 0 ? `ready in ${formatClock(left)}` : "due now"}
                  </p>
                </div>
                <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={`Items of ${order.pickupCode}`}>
                  {order.items.map((item) => (
                    <li
                      key={item.itemId}
                      className={`rounded-full px-2 py-0.5 text-xs font-medium ${chip[item.status]}`}
                    >
                      {item.name} · {itemStatusWord[item.status]}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ReadyOrder({
  order,
  now,
  onCollected,
}: {
  order: OrderView;
  now: number;
  onCollected: (view: OrderView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function collect() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onCollected(
        await requestJson<OrderView>(`/api/staff/orders/${encodeURIComponent(order.id)}/collect`, { method: "POST" }),
      );
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiRequestError && err.code === "CONFLICT") {
        // Someone else handed it over: show the board the truth.
        requestJson<OrderView>(`/api/orders/${encodeURIComponent(order.id)}`).then(onCollected, () => undefined);
      }
      setError(describeError(err));
    }
  }

  return (
    <li data-pickup-code={order.pickupCode} className="rounded-2xl border border-basil-100 bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p>
            <span className="font-mono text-2xl font-bold text-basil-800">{order.pickupCode}</span>{" "}
            <span className="text-stone-700">{order.customerName}</span>
          </p>
          <p className="truncate text-sm text-stone-600">{itemsSummary(order)}</p>
          {order.readyAt && (
            <p className="text-xs text-stone-500 tabular">Waiting {formatDuration(now - Date.parse(order.readyAt))}</p>
          )}
        </div>
        <button
          type="button"
          onClick={() => void collect()}
          aria-disabled={busy || undefined}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-full bg-basil-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-basil-800 aria-disabled:opacity-60"
        >
          <CheckIcon />
          Mark <span className="sr-only">{order.pickupCode} </span>collected
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 flex items-center gap-1.5 text-sm text-red-800">
          <AlertIcon className="size-4" />
          {error}
        </p>
      )}
    </li>
  );
}

function ReadyForPickup({
  orders,
  now,
  onCollected,
}: {
  orders: readonly OrderView[];
  now: number;
  onCollected: (view: OrderView) => void;
}) {
  return (
    <section
      aria-labelledby="ready-for-pickup"
      className="rounded-3xl border border-basil-100 bg-basil-50/60 p-4 sm:p-5"
    >
      <h2 id="ready-for-pickup" className="flex items-center justify-between text-lg font-bold text-basil-800">
        Ready for pickup
        <span className="rounded-full bg-basil-100 px-2.5 py-0.5 text-sm tabular">{orders.length}</span>
      </h2>
      {orders.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500">Nothing waiting at the counter.</p>
      ) : (
        <ul aria-label="Ready for pickup" className="mt-3 space-y-2">
          {orders.map((order) => (
            <ReadyOrder key={order.id} order={order} now={now} onCollected={onCollected} />
          ))}
        </ul>
      )}
    </section>
  );
}

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
  now,
  onCollected,
}: {
  inPreparation: readonly OrderView[];
  readyForPickup: readonly OrderView[];
  collected: readonly OrderView[];
  now: number;
  onCollected: (view: OrderView) => void;
}) {
  return (
    <div className="space-y-4">
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <ReadyForPickup orders={readyForPickup} now={now} onCollected={onCollected} />
        <InPreparation orders={inPreparation} now={now} />
      </div>
      <RecentlyCollected orders={collected} />
    </div>
  );
}
