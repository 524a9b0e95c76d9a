import { describe, expect, it } from "vitest";
import { AppError, toErrorResponse } from "./errors";

const quiet = () => undefined;

describe("toErrorResponse", () => {
  it("maps an AppError thrown by another copy of this module (another Next bundle) as an AppError", async () => {
    // What the instrumentation bundle's copy of AppError looks like from a route bundle: same brand, other class.
    const fromOtherCopy = Object.assign(new Error("Kafka is down"), {
      [Symbol.for("bakery.AppError")]: true,
      code: "UNAVAILABLE",
    });
    const response = toErrorResponse(fromOtherCopy, quiet);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).not.toBeNull();
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: "Kafka is down" } });
  });

  it("keeps anything else a bare 500 that leaks nothing", async () => {
    const response = toErrorResponse(new TypeError("secret detail"), quiet);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong" } });
  });

  it("still knows its own AppErrors", () => {
    expect(toErrorResponse(new AppError("TOO_LATE", "Too late"), quiet).status).toBe(409);
  });
});
