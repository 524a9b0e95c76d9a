import type { MenuEntry } from "@bakery/shared/api";
import type { CartLine } from "@/client/cart";
import { MenuItemCard } from "./menu-item-card";

/** A titled part of the menu ("Foods", "Drinks"). */
export function MenuSection({
  id,
  title,
  blurb,
  items,
  lines,
  onAdd,
}: {
  id: string;
  title: string;
  blurb: string;
  items: readonly MenuEntry[];
  lines: readonly CartLine[];
  onAdd: (item: MenuEntry) => void;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-8">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-xl font-bold tracking-tight text-crust-900">
          {title}
        </h2>
        <p className="text-sm text-stone-500">{blurb}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map((item) => (
          <MenuItemCard
            key={item.id}
            item={item}
            inCart={lines.find((line) => line.menuItemId === item.id)?.quantity ?? 0}
            onAdd={() => onAdd(item)}
          />
        ))}
      </ul>
    </section>
  );
}
