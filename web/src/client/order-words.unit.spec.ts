import { describe, expect, it } from "vitest";
import type { ItemView, TimelineEntry } from "@bakery/shared/order";
import { canCancel, cancelledItemWords, describeTimelineEntry, isSetback } from "./order-words";

const item = (over: Partial<ItemView>): ItemView => ({
  itemId: "o1.0",
  menuItemId: 6,
  name: "Torta de limão",
  type: "FOOD",
  station: "KITCHEN",
  priceCents: 1590,
  prepSeconds: 8,
  status: "QUEUED",
  expectedReadyAt: "2026-12-01T12:00:00.000Z",
  ...over,
});
const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  at: "2026-12-01T12:00:00.000Z",
  type: "OrderPlaced",
  name: "Torta de limão",
  station: "KITCHEN",
  ...over,
});

describe("the failure half in a customer's words", () => {
  it("tells the customer what happened to an item that will not be made", () => {
    const substitute = item({ itemId: "o1.0~s", name: "Big Mac", replaces: "o1.0" });
    const replaced = item({ status: "CANCELLED", cancelReason: "REPLACED", replacedBy: "o1.0~s" });
    expect(cancelledItemWords(replaced, [replaced, substitute])).toBe("Replaced by Big Mac");
    expect(cancelledItemWords(item({ status: "CANCELLED", cancelReason: "REMOVED" }), [])).toBe("Removed · refunded");
    expect(cancelledItemWords(item({ status: "CANCELLED", cancelReason: "CUSTOMER_CANCELLED" }), [])).toBe(
      "Cancelled · refunded",
    );
    expect(cancelledItemWords(item({ status: "CANCELLED", cancelReason: "STAFF_CANCELLED" }), [])).toBe(
      "Cancelled by the bakery · refunded",
    );
  });

  it("says who cancelled, and the staff's reason", () => {
    expect(describeTimelineEntry(entry({ type: "OrderCancellationRequested", detail: "by you" }))).toBe(
      "You asked to cancel what hasn't been started",
    );
    expect(
      describeTimelineEntry(entry({ type: "OrderCancellationRequested", detail: "by staff: customer left" })),
    ).toBe("The bakery cancelled the order: customer left");
    expect(describeTimelineEntry(entry({ type: "OrderCancellationRequested", detail: "by staff" }))).toBe(
      "The bakery cancelled the order",
    );
    expect(describeTimelineEntry(entry({ type: "ItemDecided", detail: "replaced by Big Mac" }))).toBe(
      "Torta de limão: replaced by Big Mac",
    );
    expect(isSetback("ItemUnavailable")).toBe(true);
    expect(isSetback("ItemReady")).toBe(false);
  });

  it("offers a cancel while something has not started, and never twice", () => {
    const open = { status: "IN_PREPARATION" as const, items: [item({ status: "PREPARING" }), item({})] };
    expect(canCancel(open)).toBe(true);
    expect(canCancel({ ...open, items: [item({ status: "UNAVAILABLE" })], status: "NEEDS_ACTION" })).toBe(true);
    expect(canCancel({ ...open, items: [item({ status: "PREPARING" }), item({ status: "READY" })] })).toBe(false);
    expect(canCancel({ ...open, cancellation: { by: "CUSTOMER", at: "2026-12-01T12:00:01.000Z" } })).toBe(false);
    expect(canCancel({ ...open, status: "COLLECTED" })).toBe(false);
  });
});
