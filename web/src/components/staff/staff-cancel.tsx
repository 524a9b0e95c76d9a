"use client";

import { useId, useState } from "react";
import type { OrderView } from "@bakery/shared/order";
import { ApiRequestError, describeError } from "@/client/api";
import { cancelForCustomer } from "@/client/staff-actions";
import { AlertIcon } from "@/components/ui/icons";

/**
 * Staff cancel an order (the customer walked out) with a reason. What has not started is
 * withdrawn and refunded; what is ready is recorded as waste. Two steps, so a stray tap on a
 * busy counter cancels nothing.
 */
export function StaffCancel({ order, onCancelled }: { order: OrderView; onCancelled: (view: OrderView) => void }) {
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setError("Say why, for the records.");
    setBusy(true);
    setError(undefined);
    try {
      onCancelled(await cancelForCustomer(order.id, reason.trim()));
      setOpen(false);
    } catch (err) {
      setError(
        err instanceof ApiRequestError && err.code === "TOO_LATE"
          ? "This order is already collected or cancelled."
          : describeError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-9 items-center rounded-full px-2.5 text-xs font-semibold text-stone-500 hover:bg-red-50 hover:text-red-800"
      >
        Cancel<span className="sr-only"> order {order.pickupCode}</span>…
      </button>
    );

  return (
    <form onSubmit={submit} noValidate className="mt-2 w-full space-y-2 rounded-xl bg-red-50 p-3">
      <label htmlFor={reasonId} className="block text-xs font-semibold text-red-900">
        Why cancel {order.pickupCode}?
      </label>
      <input
        id={reasonId}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        maxLength={200}
        autoFocus
        placeholder="e.g. customer left"
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-lg border border-red-200 bg-white px-3 py-2 text-sm outline-none focus:border-red-400 focus:ring-2 focus:ring-red-100"
      />
      {order.items.some((item) => item.status === "READY") && (
        <p className="text-xs text-red-900">Items already made will be recorded as waste.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          aria-disabled={busy || undefined}
          className="inline-flex min-h-9 items-center rounded-full bg-red-700 px-3.5 text-sm font-semibold text-white hover:bg-red-800 aria-disabled:opacity-60"
        >
          {busy ? "Cancelling…" : `Cancel ${order.pickupCode}`}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setError(undefined);
          }}
          className="inline-flex min-h-9 items-center rounded-full px-3 text-sm font-semibold text-stone-700 hover:bg-white"
        >
          Keep it
        </button>
      </div>
      {error && (
        <p role="alert" className="flex items-center gap-1.5 text-xs font-medium text-red-800">
          <AlertIcon className="size-3.5" />
          {error}
        </p>
      )}
    </form>
  );
}
