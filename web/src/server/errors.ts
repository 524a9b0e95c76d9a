import { ZodError } from "zod";
import type { ApiError } from "@bakery/shared/api";
import { isOutage, RETRY_AFTER_S } from "./outage";

const statusOf = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  /** A state-changing request from another site. */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNKNOWN_ITEM: 422,
  /** Too many requests from one client (or, for sign-in, from everybody): Retry-After says when to come back. */
  RATE_LIMITED: 429,
  NOT_READY: 409,
  /** The failure half: an item is sold out; too late to cancel; decided already; not waiting for a decision. */
  SOLD_OUT: 409,
  TOO_LATE: 409,
  ALREADY_DECIDED: 409,
  NOT_UNAVAILABLE: 409,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof statusOf;

/** The one error type server code throws on purpose; `toErrorResponse` turns it into HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Seconds the client should wait before trying again (sent as Retry-After). */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

const body = (code: string, message: string, field?: string): ApiError => ({
  error: { code, message, ...(field ? { field } : {}) },
});

/** Maps every error to a response in one place; anything unexpected is a bare 500 that leaks nothing. */
export function toErrorResponse(err: unknown, log: (msg: string, fields: Record<string, unknown>) => void): Response {
  if (err instanceof AppError)
    return Response.json(body(err.code, err.message, err.field), {
      status: statusOf[err.code],
      headers:
        err.retryAfterS !== undefined
          ? { "Retry-After": String(Math.max(1, Math.ceil(err.retryAfterS))) }
          : statusOf[err.code] === 503
            ? { "Retry-After": String(RETRY_AFTER_S) }
            : {},
    });
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.join(".") || undefined;
    return Response.json(
      body("VALIDATION", issue ? `${field ?? "body"}: ${issue.message}` : "Invalid request", field),
      { status: 400 },
    );
  }
  // The database or Kafka is down or restarting: not a bug, and it passes (outage.ts).
  if (isOutage(err))
    return Response.json(body("UNAVAILABLE", "The bakery is briefly unavailable; please retry in a moment"), {
      status: 503,
      headers: { "Retry-After": String(RETRY_AFTER_S) },
    });
  log("unhandled error", { err: err instanceof Error ? err : new Error(String(err)) });
  return Response.json(body("INTERNAL", "Something went wrong"), { status: 500 });
}
