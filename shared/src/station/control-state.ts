import type { StationControl } from "../events";
import type { Station } from "../stations";

/** A stock setting: `portions` (null = unlimited) and the control offset that made it (its generation). */
export type StockSetting = { portions: number | null; generation: string };

/** What a station knows from `station-control`: whether it is paused, and the latest stock setting per item. */
export type ControlState = {
  paused: boolean;
  /** The offset of the pause or resume in force, if any (the id of its announcement follows from it). */
  statusGeneration: string | null;
  stock: ReadonlyMap<number, StockSetting>;
};

export const emptyControl: ControlState = { paused: false, statusGeneration: null, stock: new Map() };

/** What applying one control message changed, for the station to announce and act on. */
export type ControlChange =
  | { kind: "none" }
  | { kind: "paused"; paused: boolean; generation: string }
  | { kind: "stock"; menuItemId: number; setting: StockSetting };

/**
 * Folds one message of the one-partition control topic (evolve). Messages for the other
 * station change nothing; the message's offset is the generation of the setting it makes.
 */
export function foldControl(
  state: ControlState,
  message: { offset: string; event: StationControl },
  station: Station,
): { state: ControlState; change: ControlChange } {
  const { event, offset } = message;
  if (event.data.station !== station) return { state, change: { kind: "none" } };
  if (event.type === "StockSet") {
    const setting = { portions: event.data.portions, generation: offset };
    const stock = new Map(state.stock);
    stock.set(event.data.menuItemId, setting);
    return { state: { ...state, stock }, change: { kind: "stock", menuItemId: event.data.menuItemId, setting } };
  }
  const paused = event.type === "StationPaused";
  return {
    state: { ...state, paused, statusGeneration: offset },
    change: { kind: "paused", paused, generation: offset },
  };
}
