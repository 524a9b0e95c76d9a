import type { MenuEntry } from "@bakery/shared/api";
import type { Station } from "@bakery/shared/stations";
import { stationFor } from "@bakery/shared/stations";
import type { StationsState } from "@/client/station-state";
import { StockRow } from "./stock-row";

/** A station's items and their stock: the station owns it, staff set it here. */
export function StockControls({
  station,
  menu,
  stock,
}: {
  station: Station;
  menu: readonly MenuEntry[] | undefined;
  stock: StationsState["stock"];
}) {
  const items = (menu ?? []).filter((item) => stationFor(item.type) === station);
  const headingId = `stock-${station.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-crust-100 pt-3">
      <h3 id={headingId} className="text-sm font-semibold text-stone-700">
        Stock
      </h3>
      {menu === undefined ? (
        <p className="mt-2 text-xs text-stone-500">Loading the menu…</p>
      ) : (
        <ul
          aria-label={`Stock at the ${station === "KITCHEN" ? "kitchen" : "bar"}`}
          className="mt-2 grid gap-2 lg:grid-cols-2"
        >
          {items.map((item) => (
            <StockRow key={item.id} item={item} line={stock[item.id]} />
          ))}
        </ul>
      )}
    </section>
  );
}
