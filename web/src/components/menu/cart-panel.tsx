"use client";

import { cart, MAX_QUANTITY, type PricedLine } from "@/client/cart";
import { formatPrice, pluralize } from "@/client/format";
import { AlertIcon, BagIcon, CloseIcon, MinusIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { CheckoutForm } from "./checkout-form";

const stepButton =
  "grid size-9 place-items-center rounded-full border border-stone-300 bg-white text-stone-700 transition-colors hover:border-crust-300 hover:bg-crust-50 disabled:cursor-not-allowed disabled:opacity-40";

/**
 * The order being put together: lines with steppers, the total and checkout. A side panel
 * on wide screens; on phones the same panel opens as a bottom sheet (`open`). A line whose
 * item sold out stays, flagged and left out of the total, until the customer removes it.
 */
export function CartPanel({
  id,
  lines,
  ready,
  onSoldOut,
  open,
  onClose,
  headingRef,
}: {
  id: string;
  lines: readonly PricedLine[];
  ready: boolean;
  onSoldOut: () => void;
  open: boolean;
  onClose: () => void;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const orderable = lines.filter((line) => line.item.available);
  const soldOut = lines.filter((line) => !line.item.available);
  const count = orderable.reduce((sum, line) => sum + line.quantity, 0);
  const total = orderable.reduce((sum, line) => sum + line.quantity * line.item.priceCents, 0);
  return (
    <>
      {open && <div className="fixed inset-0 z-40 bg-stone-900/40 lg:hidden" onClick={onClose} aria-hidden="true" />}
      <section
        id={id}
        // Open as a sheet (phones only) it is a modal dialog; otherwise a region of the page.
        role={open ? "dialog" : undefined}
        aria-modal={open || undefined}
        aria-labelledby={`${id}-heading`}
        className={`${open ? "fixed inset-x-0 bottom-0 z-50 flex max-h-[88dvh] flex-col rounded-t-3xl shadow-2xl" : "hidden"} border-crust-100 bg-flour lg:sticky lg:top-20 lg:z-auto lg:mt-8 lg:flex lg:max-h-[calc(100dvh-6rem)] lg:flex-col lg:rounded-3xl lg:border lg:shadow-sm`}
      >
        <div className="flex items-center justify-between gap-3 border-b border-crust-100 px-5 pt-4 pb-3">
          <h2
            id={`${id}-heading`}
            ref={headingRef}
            tabIndex={-1}
            className="flex items-center gap-2 text-lg font-bold text-crust-900"
          >
            <BagIcon className="size-5 text-crust-600" />
            Your order
            {count > 0 && (
              <span className="text-sm font-medium text-stone-500 tabular">({pluralize(count, "item")})</span>
            )}
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close your order"
            className="grid size-9 place-items-center rounded-full text-stone-500 hover:bg-stone-100 lg:hidden"
          >
            <CloseIcon className="size-5" />
          </button>
        </div>

        <div className="overflow-y-auto px-5 pb-5">
          {lines.length === 0 ? (
            <div className="py-8 text-center">
              <p className="font-medium text-stone-700">Your order is empty</p>
              <p className="mt-1 text-sm text-stone-500">
                Add something from the menu — it&apos;s prepared the moment you order.
              </p>
            </div>
          ) : (
            <>
              <ul className="divide-y divide-crust-100" aria-label="Items in your order">
                {lines.map(({ item, quantity }) => (
                  <li key={item.id} className="py-3" data-sold-out={!item.available || undefined}>
                    <div className="flex items-baseline justify-between gap-3">
                      <p className={`font-medium ${item.available ? "text-stone-900" : "text-stone-500"}`}>
                        {item.name}
                      </p>
                      <p
                        className={`font-semibold tabular ${item.available ? "text-stone-900" : "text-stone-400 line-through"}`}
                      >
                        {formatPrice(item.priceCents * quantity)}
                      </p>
                    </div>
                    {!item.available && (
                      <p className="mt-1 flex items-center gap-1.5 text-sm font-semibold text-red-800">
                        <AlertIcon className="size-4 shrink-0" />
                        Sold out — remove it to order the rest
                      </p>
                    )}
                    <div className="mt-2 flex items-center justify-between gap-3">
                      <div className="flex items-center gap-2" role="group" aria-label={`Quantity of ${item.name}`}>
                        <button
                          type="button"
                          className={stepButton}
                          aria-label={`Decrease ${item.name}`}
                          disabled={quantity <= 1}
                          onClick={() => cart.setQuantity(item.id, quantity - 1)}
                        >
                          <MinusIcon />
                        </button>
                        <span className="w-6 text-center font-semibold tabular" aria-live="polite">
                          {quantity}
                        </span>
                        <button
                          type="button"
                          className={stepButton}
                          aria-label={`Increase ${item.name}`}
                          disabled={quantity >= MAX_QUANTITY || !item.available}
                          onClick={() => cart.setQuantity(item.id, quantity + 1)}
                        >
                          <PlusIcon />
                        </button>
                        <span className="ml-1 text-xs text-stone-500 tabular">× {formatPrice(item.priceCents)}</span>
                      </div>
                      <button
                        type="button"
                        onClick={() => cart.remove(item.id)}
                        aria-label={`Remove ${item.name}`}
                        className="inline-flex min-h-9 items-center gap-1 rounded-full px-2 text-sm text-stone-500 hover:bg-red-50 hover:text-red-700"
                      >
                        <TrashIcon />
                        <span className="sr-only sm:not-sr-only">Remove</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
              <div className="flex items-baseline justify-between border-t-2 border-dashed border-crust-200 pt-3">
                <p className="font-semibold text-stone-700">Total</p>
                <p className="text-xl font-bold text-crust-900 tabular" data-testid="cart-total">
                  {formatPrice(total)}
                </p>
              </div>
              <CheckoutForm lines={orderable} soldOut={soldOut} disabled={!ready} onSoldOut={onSoldOut} />
            </>
          )}
        </div>
      </section>
    </>
  );
}
