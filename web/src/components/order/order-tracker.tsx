"use client";

import Link from "next/link";
import { useEffect } from "react";
import { withLateness } from "@bakery/shared/order-projection";
import { cart } from "@/client/cart";
import { formatTimeOfDay } from "@/client/format";
import { useNow } from "@/client/use-now";
import { useOrderStream } from "@/client/use-order-stream";
import { CheckIcon } from "@/components/ui/icons";
import { ConnectionBadge } from "@/components/ui/connection-badge";
import { CancelOrder } from "./cancel-order";
import { CancellationSummary } from "./cancellation-summary";
import { ItemDecisions } from "./item-decisions";
import { LateNotice } from "./late-notice";
import { OrderBill } from "./order-bill";
import { OrderItems } from "./order-items";
import { OrderNotFound } from "./order-not-found";
import { OrderSkeleton } from "./order-skeleton";
import { OrderTicket } from "./order-ticket";
import { OrderTimeline } from "./order-timeline";

/** The customer's live view of one order, straight from its event stream. */
export function OrderTracker({ orderId, placed }: { orderId: string; placed: boolean }) {
  const { view: streamed, connection, notFound, adopt } = useOrderStream(orderId);
  const now = useNow();

  // Arriving from checkout: the order is in, so the cart is done with.
  useEffect(() => {
    if (placed) cart.clear();
  }, [placed]);

  if (notFound) return <OrderNotFound />;
  if (!streamed) return <OrderSkeleton />;

  // Late by this device's clock, so the apology appears the moment the promise passes.
  const view = withLateness(streamed, now);
  const open = view.status !== "COLLECTED" && view.status !== "CANCELLED";
  const cooking = open && view.status !== "READY";
  return (
    <main className="mx-auto w-full max-w-2xl space-y-4 px-4 py-6 sm:space-y-6 sm:py-10">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-stone-600">
          Order for <span className="font-semibold text-stone-900">{view.customerName}</span> · placed{" "}
          {formatTimeOfDay(view.placedAt)}
        </p>
        {open && <ConnectionBadge connection={connection} />}
      </div>

      {placed && cooking && !view.late && (
        <div
          role="status"
          className="flex items-start gap-3 rounded-2xl border border-basil-100 bg-basil-50 px-4 py-3 text-basil-800"
        >
          <CheckIcon className="mt-0.5 size-5 shrink-0" />
          <p>
            <span className="font-semibold">Thanks, {view.customerName} — your order is in!</span> Keep this page open:
            it updates by itself, and we&apos;ll call <span className="font-mono font-bold">{view.pickupCode}</span>{" "}
            when it&apos;s ready.
          </p>
        </div>
      )}

      <OrderTicket view={view} now={now} />
      {/* While it waits for the customer's choice, the delay is not ours to apologise for. */}
      {cooking && view.late && view.status !== "NEEDS_ACTION" && <LateNotice view={view} now={now} />}
      <ItemDecisions view={view} now={now} onAnswer={adopt} />
      <CancellationSummary view={view} />
      <OrderItems items={view.items} now={now} />
      <CancelOrder view={view} onAnswer={adopt} />
      <OrderBill bill={view.bill} items={view.items} />
      <OrderTimeline timeline={view.timeline} />

      <p className="text-center">
        <Link
          href="/"
          className="text-sm font-semibold text-crust-700 underline decoration-crust-200 underline-offset-4 hover:text-crust-900"
        >
          Order something else
        </Link>
      </p>
    </main>
  );
}
