import { randomUUID } from "node:crypto";
import { StationControl } from "@bakery/shared/events";
import type { Station } from "@bakery/shared/stations";
import { stationFor } from "@bakery/shared/stations";
import { AppError } from "./errors";
import { publishKeyed } from "./keyed-publish";
import type { SagaDeps } from "./saga-deps";

/**
 * Staff commands to the stations, on `station-control` keyed by station. The station is the
 * authority: it applies the command and announces the result (StockChanged,
 * StationStatusChanged), which is what the menu and the board show.
 */
export async function setStock(
  deps: Pick<SagaDeps, "producer" | "topics" | "menu">,
  menuItemId: number,
  portions: number | null,
): Promise<{ menuItemId: number; portions: number | null }> {
  const menuItem = (await deps.menu.current()).get(menuItemId);
  if (!menuItem) throw new AppError("NOT_FOUND", `There is no menu item ${menuItemId}`, "menuItemId");
  const station = stationFor(menuItem.type);
  await send(deps, station, {
    id: `stock-set.${randomUUID()}`,
    type: "StockSet",
    version: 1,
    occurredAt: new Date().toISOString(),
    data: { station, menuItemId, portions },
  });
  return { menuItemId, portions };
}

export async function setPaused(
  deps: Pick<SagaDeps, "producer" | "topics">,
  station: Station,
  paused: boolean,
): Promise<{ station: Station; paused: boolean }> {
  await send(deps, station, {
    id: `${paused ? "paused" : "resumed"}.${randomUUID()}`,
    type: paused ? "StationPaused" : "StationResumed",
    version: 1,
    occurredAt: new Date().toISOString(),
    data: { station },
  });
  return { station, paused };
}

const send = (deps: Pick<SagaDeps, "producer" | "topics">, station: Station, command: StationControl) =>
  publishKeyed(deps.producer, deps.topics.stationControl, StationControl, [{ key: station, event: command }]);
