import { clientAddress } from "./client-address";
import type { WebEnv } from "./env";
import { AppError } from "./errors";
import { createSlotLimiter } from "./slot-limiter";
import { createOpenCounter, createWindowCounter, type Verdict } from "./window-counter";
import type { WaiterCollections } from "./waiter-db";

const MINUTE_MS = 60_000;
/** A client at its open-stream limit may try again once one of its streams has ended. */
const OPEN_STREAMS_RETRY_S = 10;
/** A request whose address is unknown (no X-Forwarded-For at all): they share one count. */
const UNKNOWN = "unknown";

export type LimitedKind = "orders" | "changes" | "reads" | "streams";

const what: Record<LimitedKind, string> = {
  orders: "orders",
  changes: "changes to orders",
  reads: "look-ups",
  streams: "live updates opened",
};

/**
 * What one client may cost, by its address (client-address.ts). Per web process, in memory:
 * orders, changes (cancel, decide), reads and streams opened per minute, and streams open at
 * once. Across every web process, in the database: staff sign-in attempts per address and
 * from everybody together (slot-limiter.ts). Past a limit: 429 with Retry-After.
 */
export function createClientLimits(
  env: Pick<
    WebEnv,
    | "TRUSTED_PROXY"
    | "LIMIT_ORDERS_PER_MIN"
    | "LIMIT_CHANGES_PER_MIN"
    | "LIMIT_READS_PER_MIN"
    | "LIMIT_STREAMS_PER_MIN"
    | "LIMIT_OPEN_STREAMS"
    | "LIMIT_SIGN_IN_PER_ADDRESS"
    | "LIMIT_SIGN_IN_TOTAL"
    | "LIMIT_SIGN_IN_WINDOW_S"
  >,
  c: Pick<WaiterCollections, "rateSlots">,
  now: () => number = Date.now,
) {
  const perMinute = (limit: number) => createWindowCounter({ limit, windowMs: MINUTE_MS });
  const counters: Record<LimitedKind, ReturnType<typeof perMinute>> = {
    orders: perMinute(env.LIMIT_ORDERS_PER_MIN),
    changes: perMinute(env.LIMIT_CHANGES_PER_MIN),
    reads: perMinute(env.LIMIT_READS_PER_MIN),
    streams: perMinute(env.LIMIT_STREAMS_PER_MIN),
  };
  const open = createOpenCounter(env.LIMIT_OPEN_STREAMS);
  const signIns = createSlotLimiter(c.rateSlots, env.LIMIT_SIGN_IN_WINDOW_S * 1000);
  const addressOf = (request: Request) => clientAddress(request.headers, env.TRUSTED_PROXY) ?? UNKNOWN;

  const take = (kind: LimitedKind, request: Request): void =>
    refuseUnless(counters[kind].take(addressOf(request), now()), `Too many ${what[kind]} from your address`);

  return {
    /** Counts one request of `kind` from its client: 429 past the limit. */
    take,

    /** Holds one of the client's open-stream slots for a stream about to start: returns its release. */
    holdStream(request: Request): () => void {
      const release = open.acquire(addressOf(request));
      if (!release)
        throw new AppError(
          "RATE_LIMITED",
          `At most ${env.LIMIT_OPEN_STREAMS} live updates open at once from your address`,
          undefined,
          OPEN_STREAMS_RETRY_S,
        );
      return release;
    },

    /** Counts one staff sign-in attempt, before its password is looked at, on every web process together. */
    async signIn(request: Request): Promise<void> {
      const at = now();
      const message = "Too many sign-in attempts; wait before trying again";
      if (signIns.knownFull("sign-in:all", env.LIMIT_SIGN_IN_TOTAL, at))
        return refuseUnless(await signIns.take("sign-in:all", env.LIMIT_SIGN_IN_TOTAL, at), message);
      // The address first: one client past its own limit does not use up everybody's attempts.
      refuseUnless(await signIns.take(`sign-in:${addressOf(request)}`, env.LIMIT_SIGN_IN_PER_ADDRESS, at), message);
      refuseUnless(await signIns.take("sign-in:all", env.LIMIT_SIGN_IN_TOTAL, at), message);
    },
  };
}
export type ClientLimits = ReturnType<typeof createClientLimits>;

function refuseUnless(verdict: Verdict, message: string): void {
  if (!verdict.ok) throw new AppError("RATE_LIMITED", message, undefined, verdict.retryAfterS);
}
