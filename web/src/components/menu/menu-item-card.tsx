import type { MenuEntry } from "@bakery/shared/api";
import { formatPrepHint, formatPrice } from "@/client/format";
import { ClockIcon, CupIcon, LoafIcon, PlusIcon } from "@/components/ui/icons";

/**
 * One dish or drink on the menu, with its price, how long it takes, and an Add button.
 * A sold-out item stays on the menu, greyed, with its button disabled until it is back.
 */
export function MenuItemCard({ item, inCart, onAdd }: { item: MenuEntry; inCart: number; onAdd: () => void }) {
  const Icon = item.type === "DRINK" ? CupIcon : LoafIcon;
  const soldOutId = `sold-out-${item.id}`;
  return (
    <li
      data-testid="menu-item"
      data-available={item.available}
      className={`flex gap-4 rounded-2xl border p-4 transition-shadow ${item.available ? "border-crust-100 bg-flour shadow-[0_1px_2px_rgb(74_40_22/0.06)] hover:shadow-md" : "border-stone-200 bg-stone-100/70"}`}
    >
      <div
        className={`relative grid size-14 shrink-0 place-items-center rounded-xl sm:size-16 ${!item.available ? "bg-stone-200 text-stone-500" : item.type === "DRINK" ? "bg-sky-50 text-sky-800" : "bg-crust-50 text-crust-700"}`}
      >
        <Icon className="size-7" />
        {inCart > 0 && (
          <span className="absolute -top-1.5 -right-1.5 grid h-6 min-w-6 place-items-center rounded-full bg-crust-600 px-1.5 text-xs font-bold text-white tabular ring-2 ring-flour">
            {inCart}
            <span className="sr-only"> in your order</span>
          </span>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-baseline justify-between gap-3">
          <h3 className={`font-semibold ${item.available ? "text-stone-900" : "text-stone-500"}`}>{item.name}</h3>
          <p className={`shrink-0 font-semibold tabular ${item.available ? "text-crust-800" : "text-stone-400"}`}>
            {formatPrice(item.priceCents)}
          </p>
        </div>
        <p className={`mt-1 text-sm leading-snug ${item.available ? "text-stone-600" : "text-stone-500"}`}>
          {item.description}
        </p>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-3 pt-3">
          {/* How long it takes matters only while it can be ordered; the badge needs the room. */}
          {item.available && (
            <p className="inline-flex items-center gap-1 text-xs font-medium whitespace-nowrap text-stone-500">
              <ClockIcon className="size-3.5" />
              <span className="sr-only">Preparation time</span>
              {formatPrepHint(item.prepSeconds)}
            </p>
          )}
          {item.available ? (
            <button
              type="button"
              onClick={onAdd}
              aria-label={`Add ${item.name}`}
              className="inline-flex min-h-10 items-center gap-1 rounded-full bg-crust-600 px-4 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-crust-700 active:bg-crust-800"
            >
              <PlusIcon className="size-4" />
              Add
            </button>
          ) : (
            <div className="ml-auto flex items-center gap-2">
              <span
                id={soldOutId}
                className="rounded-full bg-stone-200 px-2.5 py-1 text-xs font-bold tracking-wide whitespace-nowrap text-stone-600 uppercase"
              >
                Sold out
              </span>
              <button
                type="button"
                disabled
                aria-label={`Add ${item.name}`}
                aria-describedby={soldOutId}
                className="inline-flex min-h-10 items-center gap-1 rounded-full bg-stone-300 px-4 text-sm font-semibold text-stone-500"
              >
                <PlusIcon className="size-4" />
                Add
              </button>
            </div>
          )}
        </div>
      </div>
    </li>
  );
}
