import { describe, expect, it } from "vitest";
import { createWaitingList } from "./outbox-waiting";

describe("outbox entries waiting for their order", () => {
  it("are looked at again at the next sweep, then after as long as they have waited", () => {
    let at = 0;
    const waiting = createWaitingList(() => at);
    waiting.saw("a");
    expect(waiting.notDue()).toEqual([]);
    at = 2000;
    waiting.saw("a");
    expect(waiting.notDue()).toEqual(["a"]);
    at = 3999;
    expect(waiting.notDue()).toEqual(["a"]);
    at = 4000;
    expect(waiting.notDue()).toEqual([]);
  });

  it("waits at most five minutes between looks", () => {
    let at = 0;
    const waiting = createWaitingList(() => at);
    waiting.saw("a");
    at = 3_600_000;
    waiting.saw("a");
    at += 5 * 60_000 - 1;
    expect(waiting.notDue()).toEqual(["a"]);
    at += 1;
    expect(waiting.notDue()).toEqual([]);
  });

  it("forgets an entry whose order came", () => {
    let at = 0;
    const waiting = createWaitingList(() => at);
    waiting.saw("a");
    at = 10;
    waiting.saw("a");
    waiting.forget("a");
    expect(waiting.notDue()).toEqual([]);
    expect(waiting.size).toBe(0);
  });
});
