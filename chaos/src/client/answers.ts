/** One HTTP answer (or the failure to get one), as the client saw it. Times are ms since the epoch. */
export type Answer = {
  at: number;
  /** `POST /api/orders`, `GET /api/orders/:id`, ... (the route, not the URL). */
  route: string;
  /** Which web process (0, 1) it went to. */
  web: number;
  ms: number;
  status?: number;
  /** The error body's `code`, when there is one. */
  code?: string;
  retryAfter?: string;
  /** No answer: a reset, a refused connection, a timeout. */
  error?: string;
  /** What it was about: the Idempotency-Key, the order. */
  key?: string;
  orderId?: string;
};

/** Every answer of the run, in the order they came. */
export function createAnswerLog() {
  const answers: Answer[] = [];
  return {
    record: (answer: Answer) => void answers.push(answer),
    all: (): readonly Answer[] => answers,
  };
}
export type AnswerLog = ReturnType<typeof createAnswerLog>;

/**
 * Worth asking again with the same request (and the same Idempotency-Key): no answer, a 5xx,
 * 429, or the 409 CONFLICT a key gets while its first request is still being processed (this
 * client never sends another body under a key). Anything else is the answer.
 */
export function worthRetrying(answer: Pick<Answer, "status" | "code" | "error">): boolean {
  if (answer.error !== undefined || answer.status === undefined) return true;
  if (answer.status >= 500 || answer.status === 429) return true;
  return answer.status === 409 && answer.code === "CONFLICT";
}

/**
 * Backoff before attempt `attempt + 1`: growing from 250 ms to 4 s, or what Retry-After asks
 * (at most 5 s). Growing, so that customers retrying against a struggling server do not bury it.
 */
export function retryDelayMs(attempt: number, retryAfter?: string): number {
  const asked = retryAfter === undefined ? NaN : Number(retryAfter) * 1000;
  if (Number.isFinite(asked) && asked >= 0) return Math.min(5_000, asked);
  return Math.min(4_000, 250 * 2 ** Math.max(0, attempt - 1));
}
