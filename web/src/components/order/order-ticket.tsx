import type { OrderView } from "@bakery/shared/order";
import { formatClock, formatPrice, formatTimeOfDay, pluralize } from "@/client/format";
import { orderStatusWord } from "@/client/order-words";
import { CheckIcon, ClockIcon } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress-bar";

function PickupCode({ code, tone }: { code: string; tone: "light" | "dark" }) {
  return (
    <div>
      <p
        className={`text-xs font-semibold tracking-widest uppercase ${tone === "dark" ? "text-white/80" : "text-stone-500"}`}
      >
        Your pickup code
      </p>
      <p
        data-testid="pickup-code"
        className={`font-mono text-5xl font-bold tracking-wider sm:text-6xl ${tone === "dark" ? "text-white" : "text-crust-900"}`}
      >
        {code}
      </p>
    </div>
  );
}

function etaWords(view: OrderView, msLeft: number): string {
  if (view.status === "NEEDS_ACTION") return "Waiting for your choice below";
  if (msLeft > 0) return `Ready in about ${formatClock(msLeft)}`;
  return view.late ? "Running late — sorry" : "Any moment now";
}

/**
 * The top of the tracking page: the pickup code, where the order stands and when it will
 * be ready. READY is the moment the customer waits for: a big green alert.
 */
export function OrderTicket({ view, now }: { view: OrderView; now: number }) {
  // Items taken off the order are not waited for.
  const wanted = view.items.filter((item) => item.status !== "CANCELLED");
  const ready = wanted.filter((item) => item.status === "READY").length;

  if (view.status === "READY") {
    return (
      <section
        role="alert"
        aria-labelledby="order-status"
        className="animate-ready-pop rounded-3xl bg-basil-700 p-6 text-white shadow-lg shadow-basil-700/20 sm:p-8"
      >
        <div className="flex items-center gap-3">
          <span className="grid size-10 place-items-center rounded-full bg-white/20">
            <CheckIcon className="size-6" />
          </span>
          <h1 id="order-status" className="text-3xl font-bold tracking-tight sm:text-4xl">
            Ready for pickup
          </h1>
        </div>
        <p className="mt-2 text-white/90">
          Come to the counter and show this code, {view.customerName}.
          {view.late && " Sorry it took longer than we promised."}
        </p>
        <div className="mt-5 rounded-2xl bg-white/10 p-4">
          <PickupCode code={view.pickupCode} tone="dark" />
        </div>
      </section>
    );
  }

  if (view.status === "COLLECTED") {
    return (
      <section
        role="status"
        aria-labelledby="order-status"
        className="rounded-3xl border border-crust-100 bg-flour p-6 sm:p-8"
      >
        <h1 id="order-status" className="text-3xl font-bold tracking-tight text-crust-900">
          Collected — enjoy!
        </h1>
        <p className="mt-2 text-stone-600">
          Thanks for coming by, {view.customerName}. Order {view.pickupCode}
          {view.collectedAt ? ` was handed over at ${formatTimeOfDay(view.collectedAt)}` : " was handed over"}.
        </p>
      </section>
    );
  }

  if (view.status === "CANCELLED") {
    return (
      <section
        role="status"
        aria-labelledby="order-status"
        className="rounded-3xl border border-stone-200 bg-flour p-6 sm:p-8"
      >
        <p className="text-xs font-semibold tracking-widest text-stone-500 uppercase">Order {view.pickupCode}</p>
        <h1 id="order-status" className="mt-0.5 text-3xl font-bold tracking-tight text-crust-900">
          Cancelled
        </h1>
        <p className="mt-2 text-stone-600" data-testid="refund-summary">
          {view.bill.refundedCents > 0 ? `We refunded ${formatPrice(view.bill.refundedCents)}` : "Nothing was refunded"}
          {view.bill.chargedCents > 0 ? ` and charged ${formatPrice(view.bill.chargedCents)} for what was made.` : "."}
        </p>
      </section>
    );
  }

  const msLeft = Date.parse(view.eta) - now;
  return (
    <section aria-labelledby="order-status" className="relative rounded-3xl border border-crust-100 bg-flour shadow-sm">
      <div className="p-6 sm:p-8">
        <p className="text-xs font-semibold tracking-widest text-stone-500 uppercase">Status</p>
        <h1 id="order-status" className="mt-0.5 text-3xl font-bold tracking-tight text-crust-900" aria-live="polite">
          {orderStatusWord[view.status]}
        </h1>
        <p className="mt-4 flex items-center gap-2 text-lg font-semibold text-stone-900 tabular" data-testid="eta">
          <ClockIcon className="size-5 text-crust-600" />
          {etaWords(view, msLeft)}
        </p>
        <ProgressBar
          className="mt-3 h-3"
          label="Items ready"
          value={(ready / Math.max(1, wanted.length)) * 100}
          valueText={`${ready} of ${wanted.length} ready`}
        />
        <p className="mt-2 text-sm text-stone-500 tabular">
          {ready} of {pluralize(wanted.length, "item")} ready
        </p>
      </div>
      {/* The tear-off stub of a paper ticket. */}
      <div className="relative flex items-end justify-between gap-4 rounded-b-3xl border-t-2 border-dashed border-crust-200 bg-crust-50/70 px-6 py-5 sm:px-8">
        <span aria-hidden="true" className="absolute -top-3 -left-3 size-6 rounded-full bg-cream" />
        <span aria-hidden="true" className="absolute -top-3 -right-3 size-6 rounded-full bg-cream" />
        <PickupCode code={view.pickupCode} tone="light" />
        <p className="pb-1 text-right text-sm text-stone-600 tabular">
          {view.customerName}
          <br />
          <span className="font-semibold text-stone-800">
            {formatPrice(view.bill.orderedCents - view.bill.refundedCents)}
          </span>
        </p>
      </div>
    </section>
  );
}
