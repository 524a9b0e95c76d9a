import { Gauge, type Registry } from "prom-client";
import type { Station } from "../stations";

/** A station's load as its worker sees it, read from the station's queue at scrape time. */
export function registerStationMetrics(
  registry: Registry,
  deps: { station: Station; hands: number; counts: () => { queued: number; preparing: number } },
): void {
  new Gauge({
    name: "bakery_station_queue_depth",
    help: "Items waiting in this worker's queue",
    labelNames: ["station"],
    registers: [registry],
    collect() {
      this.set({ station: deps.station }, deps.counts().queued);
    },
  });
  new Gauge({
    name: "bakery_station_hands_busy",
    help: "Hands (cooks, bartenders) preparing an item right now",
    labelNames: ["station"],
    registers: [registry],
    collect() {
      this.set({ station: deps.station }, deps.counts().preparing);
    },
  });
  new Gauge({
    name: "bakery_station_hands",
    help: "Hands this worker has",
    labelNames: ["station"],
    registers: [registry],
    collect() {
      this.set({ station: deps.station }, deps.hands);
    },
  });
}
