import type { Answer } from "../client/answers";
import type { Problem } from "./problem";

export type Downtime = { what: "database" | "kafka"; from: number; to: number };

/** After a server is back, its clients take a moment to reconnect: 503s then are still the outage's. */
export const RECONNECT_GRACE_MS = 10_000;

/**
 * No 5xx but a 503 with Retry-After while the database or Kafka was down (or reconnecting just
 * after). Problems are grouped by route, status and circumstance, with a count and the first time.
 */
export function checkAnswers(input: { answers: readonly Answer[]; downtimes: readonly Downtime[] }): {
  problems: Problem[];
  allowed503: number;
} {
  const during = (at: number) => input.downtimes.find((d) => d.from <= at && at <= d.to + RECONNECT_GRACE_MS);
  const groups = new Map<string, { first: Answer; count: number }>();
  let allowed503 = 0;
  for (const answer of input.answers) {
    if (answer.status === undefined || answer.status < 500) continue;
    const outage = during(answer.at);
    if (answer.status === 503 && answer.retryAfter !== undefined && outage) {
      allowed503++;
      continue;
    }
    const circumstance = outage
      ? answer.status === 503
        ? `without Retry-After while ${outage.what === "database" ? "the database" : "Kafka"} was down`
        : `while ${outage.what === "database" ? "the database" : "Kafka"} was down`
      : "with the database and Kafka up";
    const key = `${answer.route} answered ${answer.status}${answer.code ? ` ${answer.code}` : ""} ${circumstance}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: answer, count: 1 });
  }
  const problems = [...groups].map(([what, { first, count }]) => ({
    kind: "http" as const,
    at: first.at,
    ...(first.orderId ? { orderId: first.orderId } : {}),
    message: `${what}: ${count} time(s), first at ${new Date(first.at).toISOString()} (web ${first.web + 1}${first.key ? `, key ${first.key}` : ""}${first.orderId ? `, order ${first.orderId}` : ""})`,
  }));
  return { problems, allowed503 };
}
