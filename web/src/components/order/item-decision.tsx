"use client";

import { useId, useState } from "react";
import type { DecisionRequest, MenuEntry } from "@bakery/shared/api";
import type { ItemView, OrderView } from "@bakery/shared/order";
import { stationFor } from "@bakery/shared/stations";
import { ApiRequestError, describeError } from "@/client/api";
import { formatClock, formatPrice } from "@/client/format";
import { decideItem } from "@/client/order-actions";
import { stationName } from "@/client/order-words";
import { AlertIcon } from "@/components/ui/icons";

/** "R$ 9,00 more", "R$ 2,00 back", "same price": what swapping costs. */
function priceDifference(cents: number): string {
  if (cents > 0) return `${formatPrice(cents)} more`;
  if (cents < 0) return `${formatPrice(-cents)} back`;
  return "same price";
}

const optionButton =
  "flex min-h-12 w-full items-center justify-between gap-3 rounded-xl border border-crust-200 bg-white px-3.5 py-2 text-left transition-colors hover:border-crust-400 hover:bg-crust-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

/**
 * One item its station cannot make, and the customer's three ways out: another item of the
 * same station (the difference in price shown), remove it (refunded), or cancel what has not
 * started. Unchosen by the deadline, it is removed and refunded for them.
 */
export function ItemDecision({
  order,
  item,
  menu,
  now,
  onAnswer,
  onConflict,
  onSoldOut,
}: {
  order: Pick<OrderView, "id">;
  item: ItemView;
  menu: readonly MenuEntry[] | undefined;
  now: number;
  onAnswer: (view: OrderView) => void;
  /** Someone (another tab, the timeout) decided first, or the item moved on. */
  onConflict: (item: ItemView, code: string) => void;
  /** The chosen substitute has sold out: read the menu again. */
  onSoldOut: () => void;
}) {
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [error, setError] = useState<string>();
  const where = stationName[item.station].toLowerCase();
  const msLeft = item.decideBy ? Date.parse(item.decideBy) - now : 0;
  const apology = `Sorry — the ${where} ${item.unavailableReason === "UNKNOWN_ITEM" ? "can't make it" : "ran out after you ordered"}. What would you like instead?`;
  const options = (menu ?? []).filter(
    (entry) => entry.available && entry.id !== item.menuItemId && stationFor(entry.type) === item.station,
  );

  async function decide(decision: DecisionRequest, label: string) {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onAnswer(await decideItem(order.id, item.itemId, decision));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiRequestError && err.code === "SOLD_OUT") {
        setError(`Sorry — ${label} just sold out too. Please pick something else.`);
        onSoldOut();
      } else if (err instanceof ApiRequestError && (err.code === "ALREADY_DECIDED" || err.code === "NOT_UNAVAILABLE")) {
        onConflict(item, err.code);
      } else setError(describeError(err));
    }
  }

  return (
    <section
      aria-labelledby={headingId}
      data-testid="item-decision"
      className="rounded-3xl border-2 border-red-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <div className="flex items-start gap-3">
        <span className="grid size-9 shrink-0 place-items-center rounded-full bg-red-100 text-red-700">
          <AlertIcon className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-bold text-crust-900">
            {item.name} {item.unavailableReason === "UNKNOWN_ITEM" ? "can't be made" : "is sold out"}
          </h2>
          <p role="alert" className="mt-0.5 text-sm text-stone-700">
            {apology}
          </p>
          <p className="mt-2 inline-flex items-center rounded-xl bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-900 tabular">
            {msLeft > 0
              ? `${formatClock(msLeft)} left to choose — then we remove it and refund ${formatPrice(item.priceCents)}`
              : `Removing it and refunding ${formatPrice(item.priceCents)}…`}
          </p>
        </div>
      </div>

      <h3 className="mt-4 text-sm font-semibold text-stone-800">Swap it for something from the {where}</h3>
      {menu === undefined ? (
        <p className="mt-2 text-sm text-stone-500">Loading what the {where} has…</p>
      ) : options.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">Nothing else from the {where} is available right now.</p>
      ) : (
        <ul className="mt-2 grid gap-2 sm:grid-cols-2" aria-label="Substitutes">
          {options.map((option) => {
            const difference = priceDifference(option.priceCents - item.priceCents);
            return (
              <li key={option.id}>
                <button
                  type="button"
                  aria-disabled={busy || undefined}
                  aria-label={`Swap for ${option.name}, ${difference}`}
                  onClick={() => void decide({ action: "substitute", menuItemId: option.id }, option.name)}
                  className={optionButton}
                >
                  <span className="font-medium text-stone-900">{option.name}</span>
                  <span className="shrink-0 text-right text-xs text-stone-600 tabular">
                    {formatPrice(option.priceCents)}
                    <br />
                    <span className="font-semibold text-crust-800">{difference}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <button
          type="button"
          aria-disabled={busy || undefined}
          onClick={() => void decide({ action: "remove" }, item.name)}
          className="inline-flex min-h-11 items-center justify-center rounded-full bg-crust-600 px-4 text-sm font-semibold text-white hover:bg-crust-700 aria-disabled:opacity-60"
        >
          Remove it · refund {formatPrice(item.priceCents)}
        </button>
        {confirmCancel ? (
          <div className="flex flex-wrap items-center gap-2 rounded-2xl bg-red-50 px-3 py-2">
            <p className="text-sm text-red-900">Cancel everything not started yet?</p>
            <button
              type="button"
              aria-disabled={busy || undefined}
              onClick={() => void decide({ action: "cancel-order" }, item.name)}
              className="inline-flex min-h-10 items-center rounded-full bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 aria-disabled:opacity-60"
            >
              Yes, cancel the order
            </button>
            <button
              type="button"
              onClick={() => setConfirmCancel(false)}
              className="inline-flex min-h-10 items-center rounded-full px-3 text-sm font-semibold text-stone-700 hover:bg-white"
            >
              Back
            </button>
          </div>
        ) : (
          <button
            type="button"
            aria-disabled={busy || undefined}
            onClick={() => setConfirmCancel(true)}
            className="inline-flex min-h-11 items-center justify-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold text-stone-700 hover:border-red-300 hover:bg-red-50 hover:text-red-800 aria-disabled:opacity-60"
          >
            Cancel the order instead
          </button>
        )}
      </div>

      {error && (
        <p
          role="alert"
          className="mt-3 flex items-start gap-2 rounded-xl bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
    </section>
  );
}
