import type { ConsumerState } from "./consumer-health";

export type Check = { ok: true } | { ok: false; reason: string };
export type HealthInput = { database: Check; kafka: Check; consumers: readonly ConsumerState[] };

/**
 * The verdict of /api/health, from what was checked: 200 only when the database and Kafka
 * answer and every consumer of this process runs; otherwise 503 naming each reason.
 */
export function judgeHealth(input: HealthInput): { status: 200 | 503; body: Record<string, unknown> } {
  const reasons = [
    ...(input.database.ok ? [] : [`database: ${input.database.reason}`]),
    ...(input.kafka.ok ? [] : [`kafka: ${input.kafka.reason}`]),
    ...input.consumers.filter((c) => !c.running).map((c) => `${c.name}: ${c.reason ?? "not running"}`),
  ];
  const checks = {
    database: input.database.ok ? "ok" : input.database.reason,
    kafka: input.kafka.ok ? "ok" : input.kafka.reason,
    consumers: Object.fromEntries(input.consumers.map((c) => [c.name, c.running ? "running" : c.reason])),
  };
  return reasons.length === 0
    ? { status: 200, body: { status: "ok", checks } }
    : { status: 503, body: { status: "unavailable", reason: reasons.join("; "), checks } };
}

/** Runs a probe with a deadline, so a hanging database or broker makes the check fail, not hang. */
export async function probe(what: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      what(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
