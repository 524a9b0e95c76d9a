import { describe, expect, it } from "vitest";
import { allOrAbort } from "./all-or-abort";

const never = (signal: AbortSignal) =>
  new Promise<string>((_, reject) =>
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }),
  );

describe("allOrAbort", () => {
  it("returns both results", async () => {
    expect(
      await allOrAbort(
        async () => 1,
        async () => "two",
      ),
    ).toEqual([1, "two"]);
  });

  it("aborts the other task and throws the first error, not the abort", async () => {
    await expect(allOrAbort(async () => Promise.reject(new Error("no mvn")), never)).rejects.toThrow("no mvn");
  });

  it("undoes the task that succeeded", async () => {
    const undone: unknown[] = [];
    const failing = allOrAbort(
      async () => "kafka",
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        throw new Error("ferretdb failed");
      },
      async (done) => void undone.push(done),
    );
    await expect(failing).rejects.toThrow("ferretdb failed");
    expect(undone).toEqual(["kafka"]);
  });
});
