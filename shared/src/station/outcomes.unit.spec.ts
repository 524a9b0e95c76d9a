import { describe, expect, it } from "vitest";
import { StationEvent } from "../events";
import { outcomeEvent, type CompletionDoc } from "./outcomes";

const base = { _id: "o1.1", orderId: "o1", menuItemId: 5, name: "Hot Dog", worker: "w", at: new Date(1000) };

describe("announcing a recorded outcome", () => {
  it("says what the winning record says, whichever worker announces it", () => {
    const docs: CompletionDoc[] = [
      { ...base, outcome: "READY", startedAt: new Date(0), readyAt: new Date(900) },
      { ...base, outcome: "WITHDRAWN", reason: "CUSTOMER_CANCELLED" },
      { ...base, outcome: "UNAVAILABLE", reason: "SOLD_OUT" },
    ];
    const events = docs.map((doc) => StationEvent.parse(outcomeEvent(doc, "KITCHEN")));
    expect(events.map((event) => [event.type, event.id])).toEqual([
      ["ItemReady", "o1.1.ready"],
      ["ItemWithdrawn", "o1.1.withdrawn"],
      ["ItemUnavailable", "o1.1.unavailable"],
    ]);
    expect(events[0]?.occurredAt).toBe(new Date(900).toISOString());
  });
});
