import type { WebApp } from "./web-app";

/** How long a route may take to answer while a server is down: DEPENDENCY_TIMEOUT_MS (2 s) and some slack for a busy machine. */
export const OUTAGE_ANSWER_BOUND_MS = 3500;

export type TimedAnswer = Awaited<ReturnType<WebApp["call"]>> & { what: string; ms: number };

/** Calls a route and measures how long its answer took. */
export async function timedCall(
  call: WebApp["call"],
  method: string,
  path: string,
  options: Parameters<WebApp["call"]>[2] = {},
): Promise<TimedAnswer> {
  const started = performance.now();
  const answer = await call(method, path, options);
  return { ...answer, what: `${method} ${path}`, ms: Math.round(performance.now() - started) };
}

/**
 * What is wrong with an answer given while the database or Kafka is down: it must come
 * within the bound, never be a 500, and a 503 must carry Retry-After and the one error
 * shape with code UNAVAILABLE (`/api/health` keeps its own body, `errorShape: false`).
 * With `must503`, anything but a 503 is wrong too.
 */
export function outageAnswerProblems(
  answer: TimedAnswer,
  options: { must503: boolean; errorShape?: boolean },
): string[] {
  const { must503, errorShape = true } = options;
  const problems: string[] = [];
  const say = (problem: string) => problems.push(`${answer.what}: ${problem}`);
  if (answer.ms > OUTAGE_ANSWER_BOUND_MS) say(`answered after ${answer.ms} ms`);
  if (answer.status >= 500 && answer.status !== 503) say(`status ${answer.status}`);
  if (must503 && answer.status !== 503) say(`status ${answer.status}, not 503`);
  if (answer.status === 503) {
    const retryAfter = Number(answer.headers.get("retry-after"));
    if (!(retryAfter > 0)) say(`503 without a Retry-After (${answer.headers.get("retry-after")})`);
    const code = (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
    if (errorShape && code !== "UNAVAILABLE") say(`503 body ${JSON.stringify(answer.json)}`);
  }
  return problems;
}
