import { describe, expect, it } from "vitest";
import { parseChaosArgs } from "./options";

const parse = (...argv: string[]) => parseChaosArgs(argv, () => 1234);

describe("npm run chaos arguments", () => {
  it("defaults to the full schedule at 30 orders a second with a random seed", () => {
    expect(parse()).toEqual({ seed: 1234, rate: 30, mode: "full", browsers: 4 });
  });

  it("takes a seed to repeat a run, a rate, a shorter schedule and a list of faults", () => {
    expect(parse("--medium", "--seed", "42", "--rate", "10", "--faults", "6,1,6")).toEqual({
      seed: 42,
      rate: 10,
      mode: "medium",
      browsers: 4,
      faults: [6, 1],
    });
  });

  it("refuses what it does not know, with the usage", () => {
    expect(() => parse("--rate", "fast")).toThrow(/--rate needs a whole number/);
    expect(() => parse("--faults", "8")).toThrow(/--faults needs numbers 1-7/);
    expect(() => parse("--slow")).toThrow(/usage: npm run chaos/);
  });
});
