import { describe, expect, it } from "vitest";
import { judgeHealth, probe } from "./health";

const ok = { ok: true } as const;
const consumers = [
  { name: "order projector", running: true },
  { name: "order feed", running: true },
];

describe("the health verdict", () => {
  it("is 200 when the database and Kafka answer and every consumer runs", () => {
    const verdict = judgeHealth({ database: ok, kafka: ok, consumers });
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ status: "ok", checks: { database: "ok", kafka: "ok" } });
  });

  it("is 503 naming a consumer that crashed without restart", () => {
    const verdict = judgeHealth({
      database: ok,
      kafka: ok,
      consumers: [consumers[0]!, { name: "order feed", running: false, reason: "crashed: boom" }],
    });
    expect(verdict.status).toBe(503);
    expect(verdict.body.reason).toBe("order feed: crashed: boom");
  });

  it("is 503 naming every failed check", () => {
    const verdict = judgeHealth({
      database: { ok: false, reason: "no answer within 2000 ms" },
      kafka: { ok: false, reason: "Connection error" },
      consumers,
    });
    expect(verdict.status).toBe(503);
    expect(verdict.body.reason).toBe("database: no answer within 2000 ms; kafka: Connection error");
  });
});

describe("a probe", () => {
  it("fails when what it checks does not answer in time", async () => {
    expect(await probe(() => new Promise(() => undefined), 10)).toEqual({
      ok: false,
      reason: "no answer within 10 ms",
    });
    expect(await probe(() => Promise.resolve(), 10)).toEqual({ ok: true });
  });
});
