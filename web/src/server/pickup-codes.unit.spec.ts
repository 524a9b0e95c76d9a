import { describe, expect, it } from "vitest";
import { createPickupCodes, PICKUP_ALPHABET, pickupCodeFrom, type PickupCodes } from "./pickup-codes";

const seeded = (seed: number) => () => (seed = (seed * 9301 + 49297) % 233280) / 233280;

/**
 * A day's unique index: `full` says which codes were taken before the test (a rule, so that
 * "all 531,441 codes of 4 characters" costs nothing to build), `placed` holds the test's own.
 */
function dayIndex(full: (code: string) => boolean = () => false) {
  const placed = new Set<string>();
  return {
    placed,
    insert: (code: string) => !full(code) && !placed.has(code) && Boolean(placed.add(code)),
  };
}

/** What place-order does: try codes until one is free under the day's unique index, at most 8 tries. */
function placeOrder(codes: PickupCodes, day: string, index: ReturnType<typeof dayIndex>) {
  for (let attempt = 1; attempt <= 8; attempt++) {
    const code = codes.draw(day, attempt);
    if (!index.insert(code)) continue;
    codes.stored(day, code);
    return { code, tries: attempt };
  }
  throw new Error("no free pickup code");
}

describe("pickup codes", () => {
  it("are 4 characters without look-alikes on an ordinary day", () => {
    const codes = createPickupCodes(seeded(1));
    const index = dayIndex();
    const drawn = Array.from({ length: 200 }, () => placeOrder(codes, "2026-12-03", index).code);
    for (const code of drawn) expect(code).toMatch(/^[ACDEFGHJKLMNPQRTUVWXY234679]{4}$/);
    expect(new Set(drawn).size).toBeGreaterThan(150);
  });

  it("never run out: once a day's 4-character codes are all taken, orders get 5 characters, and the next day starts short again", () => {
    const codes = createPickupCodes(Math.random);
    const index = dayIndex((code) => code.length === 4);
    const orders = Array.from({ length: 5000 }, () => placeOrder(codes, "2026-12-03", index));

    expect(orders.every(({ code }) => code.length === 5)).toBe(true);
    expect(index.placed.size).toBe(orders.length);
    // The first order paid for two taken codes; after it this process starts at 5 characters.
    expect(orders[0]?.tries).toBe(3);
    expect(Math.max(...orders.slice(1).map(({ tries }) => tries))).toBeLessThanOrEqual(2);

    expect(placeOrder(codes, "2026-12-04", dayIndex()).code).toHaveLength(4);
  });

  it("grow again when the 5-character codes fill up too", () => {
    // Every 4-character code is taken, and every 5-character code but those starting with A.
    const codes = createPickupCodes(seeded(7));
    const index = dayIndex((code) => code.length === 4 || (code.length === 5 && !code.startsWith("A")));
    const lengths = Array.from({ length: 2000 }, () => placeOrder(codes, "2026-12-03", index).code.length);
    expect(lengths.every((length) => length >= 5)).toBe(true);
    expect(lengths.filter((length) => length === 6).length).toBeGreaterThan(1000);
  });

  it("draws a code of the length asked for", () => {
    expect(pickupCodeFrom(() => 0, 6)).toBe("AAAAAA");
    expect(pickupCodeFrom(() => 0.999)).toBe("9999");
    expect(PICKUP_ALPHABET).toHaveLength(27);
  });
});
