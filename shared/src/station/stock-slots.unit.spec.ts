import { describe, expect, it } from "vitest";
import { extraSlotId, isCounted, slotId, slotNeeds } from "./stock-slots";

describe("stock slots", () => {
  const five = { portions: 5, generation: "12" };
  it("names one slot per portion of a setting, and extra slots for portions given back", () => {
    expect(slotId(3, "12", 0)).toBe("3/12/0");
    expect(extraSlotId(3, "12", 1)).toBe("3/12/x/1");
  });

  it("lets slot N + j be claimed only once extra slot j exists", () => {
    expect(slotNeeds(five, 4)).toEqual({ kind: "free" });
    expect(slotNeeds(five, 5)).toEqual({ kind: "extra", j: 0 });
    expect(slotNeeds({ portions: 0, generation: "1" }, 0)).toEqual({ kind: "extra", j: 0 });
  });

  it("counts nothing when the stock is unlimited", () => {
    expect(isCounted(undefined)).toBe(false);
    expect(isCounted({ portions: null, generation: "1" })).toBe(false);
    expect(isCounted(five)).toBe(true);
  });
});
