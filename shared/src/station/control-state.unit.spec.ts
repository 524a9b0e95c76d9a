import { describe, expect, it } from "vitest";
import type { StationControl } from "../events";
import { emptyControl, foldControl, type ControlState } from "./control-state";

const at = "2026-12-01T12:00:00.000Z";
const stockSet = (station: "KITCHEN" | "BAR", menuItemId: number, portions: number | null): StationControl => ({
  id: `s${menuItemId}`,
  type: "StockSet",
  version: 1,
  occurredAt: at,
  data: { station, menuItemId, portions },
});
const status = (type: "StationPaused" | "StationResumed"): StationControl => ({
  id: type,
  type,
  version: 1,
  occurredAt: at,
  data: { station: "KITCHEN" },
});

const fold = (events: StationControl[]): ControlState =>
  events.reduce(
    (state, event, offset) => foldControl(state, { offset: String(offset), event }, "KITCHEN").state,
    emptyControl,
  );

describe("folding station control", () => {
  it("keeps the latest stock setting per item, its offset as generation", () => {
    const state = fold([stockSet("KITCHEN", 5, 10), stockSet("KITCHEN", 6, 0), stockSet("KITCHEN", 5, null)]);
    expect(state.stock.get(5)).toEqual({ portions: null, generation: "2" });
    expect(state.stock.get(6)).toEqual({ portions: 0, generation: "1" });
  });

  it("follows pause and resume, and ignores the other station's messages", () => {
    expect(fold([status("StationPaused")]).paused).toBe(true);
    expect(fold([status("StationPaused"), status("StationResumed")])).toMatchObject({
      paused: false,
      statusGeneration: "1",
    });
    const { change } = foldControl(emptyControl, { offset: "0", event: stockSet("BAR", 2, 1) }, "KITCHEN");
    expect(change).toEqual({ kind: "none" });
  });
});
