"use client";

import { useState } from "react";
import type { OrderView } from "@bakery/shared/order";
import { ApiRequestError, describeError } from "@/client/api";
import { formatPrice } from "@/client/format";
import { cancelOrder } from "@/client/order-actions";
import { canCancel, notStarted } from "@/client/order-words";
import { AlertIcon } from "@/components/ui/icons";

const names = (items: readonly { name: string }[]) => items.map((item) => item.name).join(", ");

/**
 * "Cancel order", with one step to confirm what it means: what has not started is taken off
 * and refunded, what is being made is still made and charged. The stations have the last
 * word; when nothing can be withdrawn any more the button goes, with the reason.
 */
export function CancelOrder({ view, onAnswer }: { view: OrderView; onAnswer: (view: OrderView) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tooLate, setTooLate] = useState(false);
  const [error, setError] = useState<string>();

  if (tooLate)
    return (
      <p
        role="status"
        className="flex items-start gap-2 rounded-2xl border border-stone-200 bg-white px-4 py-3 text-sm text-stone-700"
      >
        <AlertIcon className="mt-0.5 size-4 shrink-0 text-stone-500" />
        Too late to cancel: everything in your order is already being made. You&apos;ll get all of it.
      </p>
    );
  if (!canCancel(view)) return null;

  const withdrawable = view.items.filter(notStarted);
  const started = view.items.filter((item) => item.status === "PREPARING" || item.status === "READY");
  const refund = withdrawable.reduce((sum, item) => sum + item.priceCents, 0);

  async function cancel() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onAnswer(await cancelOrder(view.id));
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === "TOO_LATE") setTooLate(true);
      else setError(describeError(err));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section aria-label="Cancel your order" className="rounded-3xl border border-stone-200 bg-flour p-5 sm:p-6">
      {confirming ? (
        <>
          <h2 className="font-bold text-crust-900">Cancel this order?</h2>
          <p className="mt-1 text-sm text-stone-700">
            {names(withdrawable)} {withdrawable.length === 1 ? "hasn't" : "haven't"} been started: we take{" "}
            {withdrawable.length === 1 ? "it" : "them"} off and refund up to {formatPrice(refund)}.
            {started.length > 0 &&
              ` ${names(started)} ${started.length === 1 ? "is" : "are"} already being made: you still get ${started.length === 1 ? "it" : "them"}, and pay for ${started.length === 1 ? "it" : "them"}.`}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              aria-disabled={busy || undefined}
              onClick={() => void cancel()}
              className="inline-flex min-h-11 items-center rounded-full bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 aria-disabled:opacity-60"
            >
              {busy ? "Cancelling…" : "Yes, cancel it"}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold text-stone-700 hover:bg-stone-50"
            >
              Keep my order
            </button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-stone-600">
            Changed your mind? What hasn&apos;t been started can still be cancelled.
          </p>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="inline-flex min-h-11 items-center rounded-full border border-red-300 bg-white px-4 text-sm font-semibold text-red-800 hover:bg-red-50"
          >
            Cancel order
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-3 flex items-start gap-2 text-sm font-medium text-red-800">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
    </section>
  );
}
