import type { MenuItem } from "@bakery/shared/menu";
import { formatPrepHint, formatPrice } from "@/client/format";
import { ClockIcon, CupIcon, LoafIcon, PlusIcon } from "@/components/ui/icons";

/** One dish or drink on the menu, with its price, how long it takes, and an Add button. */
export function MenuItemCard({ item, inCart, onAdd }: { item: MenuItem; inCart: number; onAdd: () => void }) {
  const Icon = item.type === "DRINK" ? CupIcon : LoafIcon;
  return (
    <li className="flex gap-4 rounded-2xl border border-crust-100 bg-flour p-4 shadow-[0_1px_2px_rgb(74_40_22/0.06)] transition-shadow hover:shadow-md">
      <div
        className={`relative grid size-14 shrink-0 place-items-center rounded-xl sm:size-16 ${item.type === "DRINK" ? "bg-sky-50 text-sky-800" : "bg-crust-50 text-crust-700"}`}
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
          <h3 className="font-semibold text-stone-900">{item.name}</h3>
          <p className="shrink-0 font-semibold text-crust-800 tabular">{formatPrice(item.priceCents)}</p>
        </div>
        <p className="mt-1 text-sm leading-snug text-stone-600">{item.description}</p>
        <div className="mt-auto flex items-center justify-between gap-3 pt-3">
          <p className="inline-flex items-center gap-1 text-xs font-medium whitespace-nowrap text-stone-500">
            <ClockIcon className="size-3.5" />
            <span className="sr-only">Preparation time</span>
            {formatPrepHint(item.prepSeconds)}
          </p>
          <button
            type="button"
            onClick={onAdd}
            aria-label={`Add ${item.name}`}
            className="inline-flex min-h-10 items-center gap-1 rounded-full bg-crust-600 px-4 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-crust-700 active:bg-crust-800"
          >
            <PlusIcon className="size-4" />
            Add
          </button>
        </div>
      </div>
    </li>
  );
}
