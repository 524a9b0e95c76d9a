import type { StationsStatus, StockLine } from "@bakery/shared/api";
import type { StationNews } from "@bakery/shared/events";
import type { Station } from "@bakery/shared/stations";

/** What the dashboard knows of the stations: paused or not, and each item's stock as last reported. */
export type StationsState = {
  paused: Readonly<Record<Station, boolean>>;
  /** By menu item id; an item the stations never reported on is unlimited. */
  stock: Readonly<Record<number, StockLine>>;
};

export const initialStations: StationsState = { paused: { KITCHEN: false, BAR: false }, stock: {} };

/** The state from `GET /api/staff/stations`. */
export const stationsFrom = (status: StationsStatus): StationsState => ({
  paused: { KITCHEN: status.stations.KITCHEN.paused, BAR: status.stations.BAR.paused },
  stock: Object.fromEntries(status.stock.map((line) => [line.menuItemId, line])),
});

/** One piece of station news on top: a pause or resume, or an item's new stock. */
export function applyStationNews(state: StationsState, news: StationNews): StationsState {
  if (news.type === "StationStatusChanged")
    return state.paused[news.data.station] === news.data.paused
      ? state
      : { ...state, paused: { ...state.paused, [news.data.station]: news.data.paused } };
  const { menuItemId, station, available, portions } = news.data;
  return { ...state, stock: { ...state.stock, [menuItemId]: { menuItemId, station, available, portions } } };
}

/** An item's stock in the dashboard's words. */
export function stockWords(line: StockLine | undefined): string {
  if (!line || line.portions === null) return "Unlimited";
  if (!line.available || line.portions === 0) return "Sold out";
  return `${line.portions} ${line.portions === 1 ? "portion" : "portions"}`;
}
