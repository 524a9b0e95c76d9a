import type { MenuEntry } from "@bakery/shared/api";
import type { MenuStore } from "./menu-store";
import type { StationNewsStore } from "./station-news";

/** The menu as a customer sees it now: every item, and whether its station can make it. */
export async function menuWithAvailability(deps: {
  menu: MenuStore;
  stationNews: StationNewsStore;
}): Promise<MenuEntry[]> {
  return [...(await deps.menu.current()).values()].map((item) => ({
    ...item,
    available: deps.stationNews.available(item.id),
  }));
}
