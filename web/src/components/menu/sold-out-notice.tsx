"use client";

import { cart, type PricedLine } from "@/client/cart";
import { AlertIcon, TrashIcon } from "@/components/ui/icons";

const names = (lines: readonly PricedLine[]) => lines.map((line) => line.item.name).join(" and ");

/** Something in the order sold out: say what, and offer to take it out in one tap. */
export function SoldOutNotice({ lines }: { lines: readonly PricedLine[] }) {
  if (lines.length === 0) return null;
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900">
      <p className="flex items-start gap-2 font-medium">
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <span>
          Sorry — {names(lines)} {lines.length === 1 ? "is" : "are"} sold out right now. Remove{" "}
          {lines.length === 1 ? "it" : "them"} to order the rest.
        </span>
      </p>
      <button
        type="button"
        onClick={() => lines.forEach((line) => cart.remove(line.menuItemId))}
        className="mt-2 ml-6 inline-flex min-h-9 items-center gap-1.5 rounded-full border border-red-300 bg-white px-3 font-semibold text-red-800 hover:bg-red-100"
      >
        <TrashIcon />
        Remove sold-out {lines.length === 1 ? "item" : "items"}
      </button>
    </div>
  );
}
