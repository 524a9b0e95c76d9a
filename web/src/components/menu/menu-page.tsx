"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { MenuEntry } from "@bakery/shared/api";
import { describeError } from "@/client/api";
import { cart, useCartLines, type PricedLine } from "@/client/cart";
import { formatPrice, pluralize } from "@/client/format";
import { useLiveMenu } from "@/client/use-live-menu";
import { AlertIcon, ChevronUpIcon } from "@/components/ui/icons";
import { CartPanel } from "./cart-panel";
import { MenuSection } from "./menu-section";
import { useSoldOutAnnouncement } from "./use-sold-out-announcement";

const CART_ID = "your-order";

/** The customer's front page: the menu, live, and the order they are putting together. */
export function MenuPage() {
  const { menu, error, loading, refresh } = useLiveMenu();
  const cartLines = useCartLines();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const sheetHeading = useRef<HTMLHeadingElement>(null);
  const sheetToggle = useRef<HTMLButtonElement>(null);

  // Lines whose item left the menu are not shown or ordered; sold-out ones are shown, flagged.
  const lines = useMemo<PricedLine[]>(
    () =>
      menu
        ? cartLines.flatMap((line) =>
            menu.filter((item) => item.id === line.menuItemId).map((item) => ({ ...line, item })),
          )
        : [],
    [cartLines, menu],
  );
  const orderable = lines.filter((line) => line.item.available);
  const count = orderable.reduce((sum, line) => sum + line.quantity, 0);
  const total = orderable.reduce((sum, line) => sum + line.quantity * line.item.priceCents, 0);
  const soldOut = lines.length - orderable.length;
  useSoldOutAnnouncement(lines, setAnnouncement);

  useEffect(() => {
    if (!sheetOpen) return;
    sheetHeading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeSheet();
    };
    window.addEventListener("keydown", onKey);
    // The page behind the sheet stays put.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      window.removeEventListener("keydown", onKey);
      document.body.style.overflow = overflow;
    };
  }, [sheetOpen]);

  useEffect(() => {
    if (lines.length === 0) setSheetOpen(false);
  }, [lines.length]);

  function closeSheet() {
    setSheetOpen(false);
    sheetToggle.current?.focus();
  }

  function add(item: MenuEntry) {
    if (!item.available) return;
    cart.add(item.id);
    const quantity = (cartLines.find((line) => line.menuItemId === item.id)?.quantity ?? 0) + 1;
    setAnnouncement(`${item.name} added — ${quantity} in your order.`);
  }

  const foods = menu?.filter((item) => item.type === "FOOD") ?? [];
  const drinks = menu?.filter((item) => item.type === "DRINK") ?? [];

  return (
    <main className="mx-auto w-full max-w-6xl px-4 pb-28 sm:px-6 lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-8 lg:pb-12 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div inert={sheetOpen}>
        <div className="pt-6 sm:pt-10">
          <p className="text-sm font-semibold tracking-wide text-crust-600 uppercase">Open now · made to order</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-crust-900 sm:text-4xl">What are you craving?</h1>
          <p className="mt-2 max-w-prose text-stone-600">
            Order here and watch the kitchen and the bar prepare it live. We&apos;ll call your pickup code at the
            counter.
          </p>
        </div>

        {error && !menu ? (
          <div role="alert" className="mt-8 rounded-2xl border border-red-200 bg-red-50 p-5 text-red-900">
            <p className="font-semibold">The menu didn&apos;t load.</p>
            <p className="mt-1 text-sm">{describeError(error)}</p>
            <button
              type="button"
              onClick={refresh}
              className="mt-3 rounded-full bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
            >
              Try again
            </button>
          </div>
        ) : loading || !menu ? (
          <MenuSkeleton />
        ) : (
          <>
            <MenuSection
              id="foods"
              title="Foods"
              blurb="From the kitchen"
              items={foods}
              lines={cartLines}
              onAdd={add}
            />
            <MenuSection id="drinks" title="Drinks" blurb="From the bar" items={drinks} lines={cartLines} onAdd={add} />
          </>
        )}
      </div>

      <CartPanel
        id={CART_ID}
        lines={lines}
        ready={Boolean(menu)}
        onSoldOut={refresh}
        open={sheetOpen}
        onClose={closeSheet}
        headingRef={sheetHeading}
      />

      {lines.length > 0 && !sheetOpen && (
        <div className="fixed inset-x-0 bottom-0 z-30 border-t border-crust-100 bg-cream/95 p-3 backdrop-blur lg:hidden">
          <button
            ref={sheetToggle}
            type="button"
            aria-expanded={sheetOpen}
            aria-controls={CART_ID}
            onClick={() => setSheetOpen(true)}
            className="mx-auto flex min-h-12 w-full max-w-xl items-center justify-between gap-2 rounded-full bg-crust-600 px-4 text-white shadow-lg hover:bg-crust-700 sm:gap-3 sm:px-5"
          >
            <span className="flex min-w-0 items-center gap-2 font-semibold whitespace-nowrap">
              <span className="grid size-7 shrink-0 place-items-center rounded-full bg-white/20 text-sm tabular">
                {count}
              </span>
              View your order
              <span className="sr-only">({pluralize(count, "item")})</span>
              {soldOut > 0 && (
                <span className="inline-flex items-center gap-0.5 rounded-full bg-white px-1.5 py-0.5 text-xs font-bold text-red-800">
                  <AlertIcon className="size-3.5" />
                  {soldOut}
                  <span className="sr-only"> sold out</span>
                </span>
              )}
            </span>
            <span className="flex shrink-0 items-center gap-1 font-semibold whitespace-nowrap tabular">
              {formatPrice(total)}
              <ChevronUpIcon />
            </span>
          </button>
        </div>
      )}

      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </main>
  );
}

function MenuSkeleton() {
  return (
    <div role="status" aria-label="Loading the menu" className="mt-8 space-y-3">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex gap-4 rounded-2xl border border-crust-100 bg-flour p-4">
          <div className="size-14 rounded-xl bg-crust-100 motion-safe:animate-pulse" />
          <div className="flex-1 space-y-2">
            <div className="h-4 w-1/3 rounded bg-crust-100 motion-safe:animate-pulse" />
            <div className="h-3 w-3/4 rounded bg-stone-200/70 motion-safe:animate-pulse" />
            <div className="h-3 w-1/2 rounded bg-stone-200/70 motion-safe:animate-pulse" />
          </div>
        </div>
      ))}
    </div>
  );
}
