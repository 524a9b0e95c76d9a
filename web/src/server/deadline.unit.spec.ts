import { describe, expect, it } from "vitest";
import { within } from "./deadline";
import { AppError } from "./errors";

describe("within", () => {
  it("gives the work's answer when it comes in time", async () => {
    expect(await within(1000, Promise.resolve("sent"))).toBe("sent");
    await expect(within(1000, Promise.reject(new Error("refused")))).rejects.toThrow("refused");
  });

  it("answers UNAVAILABLE at the deadline while the work goes on", async () => {
    let finished = false;
    const work = new Promise<void>((resolve) => setTimeout(resolve, 300)).then(() => void (finished = true));
    const started = Date.now();
    const late = await within(50, work).catch((err: unknown) => err);
    expect(late).toBeInstanceOf(AppError);
    expect((late as AppError).code).toBe("UNAVAILABLE");
    expect(Date.now() - started).toBeLessThan(250);
    await work;
    expect(finished).toBe(true);
  });

  it("leaves no unhandled rejection when the work fails after the deadline", async () => {
    const work = new Promise<void>((_, reject) => setTimeout(() => reject(new Error("broker gone")), 100));
    await expect(within(20, work)).rejects.toBeInstanceOf(AppError);
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
});
