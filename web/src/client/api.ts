import { ApiError } from "@bakery/shared/api";

/** A non-2xx answer from our API, with the `{ error: { code, message, field? } }` it carried. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Fetches JSON from our own API; throws ApiRequestError for error answers, TypeError when offline.
 * Every request that changes something says it is JSON, body or not: a cross-site form cannot
 * send that header, which is what lets the server refuse forged requests.
 */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? "GET").toUpperCase();
  const response = await fetch(url, {
    cache: "no-store",
    ...init,
    headers: {
      accept: "application/json",
      // The API refuses a state-changing request that is not JSON, body or not (a guard against other sites' forms).
      ...(method !== "GET" && method !== "HEAD" ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
  });
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const parsed = ApiError.safeParse(await response.json().catch(() => null));
  if (parsed.success)
    throw new ApiRequestError(
      response.status,
      parsed.data.error.code,
      parsed.data.error.message,
      parsed.data.error.field,
    );
  throw new ApiRequestError(response.status, "HTTP_ERROR", `The bakery answered ${response.status}`);
}

/** SWR's fetcher. */
export const fetchJson = <T>(url: string): Promise<T> => requestJson<T>(url);

/** A message for people, whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiRequestError)
    return err.status >= 500 ? "The bakery's system is having a moment. Please try again." : err.message;
  return "We couldn't reach the bakery. Check your connection and try again.";
}

/** Status of a plain GET, 0 when the network failed: to tell "gone" from "unreachable". */
export const probeStatus = (url: string): Promise<number> =>
  fetch(url, { cache: "no-store" }).then(
    (response) => response.status,
    () => 0,
  );
