"use client";

import { useState } from "react";
import type { OrderView } from "@bakery/shared/order";
import { ApiRequestError, describeError } from "@/client/api";
import { formatDuration } from "@/client/format";
import { readOrder } from "@/client/order-actions";
import { collectOrder } from "@/client/staff-actions";
import { AlertIcon, CheckIcon } from "@/components/ui/icons";
import { StaffCancel } from "./staff-cancel";

/** "2× Batata Frita, Coca" (what is handed over: items taken off the order are left out) */
function itemsSummary(order: OrderView): string {
  const counts = new Map<string, number>();
  for (const item of order.items)
    if (item.status !== "CANCELLED") counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(", ");
}

function ReadyOrder({
  order,
  now,
  onChanged,
}: {
  order: OrderView;
  now: number;
  onChanged: (view: OrderView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function collect() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await collectOrder(order.id));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiRequestError && err.code === "CONFLICT") {
        // Someone else handed it over: show the board the truth.
        readOrder(order.id).then(onChanged, () => undefined);
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
        <div className="flex items-center gap-1">
          <StaffCancel order={order} onCancelled={onChanged} />
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

/** What waits at the counter, to hand over (or, for a customer who walked out, to cancel as waste). */
export function ReadyForPickup({
  orders,
  now,
  onChanged,
}: {
  orders: readonly OrderView[];
  now: number;
  onChanged: (view: OrderView) => void;
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
            <ReadyOrder key={order.id} order={order} now={now} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
