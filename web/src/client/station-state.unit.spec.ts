import { describe, expect, it } from "vitest";
import { stationStatusChangedEvent, stockChangedEvent } from "@bakery/shared/events";
import { applyStationNews, initialStations, stationsFrom, stockWords } from "./station-state";

describe("the dashboard's view of the stations", () => {
  it("starts from the stations answer and follows pauses and stock news", () => {
    const start = stationsFrom({
      stations: { KITCHEN: { paused: false }, BAR: { paused: true } },
      stock: [{ menuItemId: 6, station: "KITCHEN", available: true, portions: 3 }],
      lateGraceS: 60,
    });
    expect(start.paused).toEqual({ KITCHEN: false, BAR: true });

    const resumed = applyStationNews(start, stationStatusChangedEvent("s1", 1, { station: "BAR", paused: false }));
    expect(resumed.paused.BAR).toBe(false);
    expect(applyStationNews(resumed, stationStatusChangedEvent("s2", 2, { station: "BAR", paused: false }))).toBe(
      resumed,
    );

    const soldOut = applyStationNews(
      resumed,
      stockChangedEvent("k1", 3, { station: "KITCHEN", menuItemId: 6, available: false, portions: 0 }),
    );
    expect(soldOut.stock[6]).toEqual({ menuItemId: 6, station: "KITCHEN", available: false, portions: 0 });
    expect(stockWords(soldOut.stock[6])).toBe("Sold out");
  });

  it("says unlimited for an item never reported on, and counts portions", () => {
    expect(stockWords(initialStations.stock[1])).toBe("Unlimited");
    expect(stockWords({ menuItemId: 1, station: "KITCHEN", available: true, portions: null })).toBe("Unlimited");
    expect(stockWords({ menuItemId: 1, station: "KITCHEN", available: true, portions: 1 })).toBe("1 portion");
    expect(stockWords({ menuItemId: 1, station: "KITCHEN", available: true, portions: 12 })).toBe("12 portions");
  });
});
