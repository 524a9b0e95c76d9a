import { setTimeout as sleep } from "node:timers/promises";
import type {
  PlaceOrdersRequest,
  PlaceOrdersResult,
  SettleRequest,
  SettleResult,
  StepRequest,
  StepResult,
} from "../load/load-protocol";
import { runOpenLoop } from "../load/open-loop";
import { countError, ITEMS_PER_ORDER, type OrderClient } from "../load/order-client";
import { summarize } from "../report/percentiles";
import type { Completion, ReadyTracker } from "../load/ready-tracker";
import { backlogRanAway, backlogSlope, judgeStep, type BacklogSample } from "./step-verdict";

const SAMPLE_EVERY_MS = 250;

/**
 * The end-to-end scenarios of the load generator: open-loop steps at a fixed arrival
 * rate, waiting for the backlog to empty, and placing orders for the SSE scenarios.
 * `completions` is fed by the ready tracker; it is the one place that hears of READY orders.
 */
export function createE2eScenarios(deps: {
  client: OrderClient;
  tracker: ReadyTracker;
  now: () => number;
  completions: { listen(listener: (c: Completion) => void): () => void };
}) {
  const { client, tracker, now } = deps;
  let unanswered = 0;

  async function step(req: StepRequest): Promise<StepResult> {
    const acceptMs: number[] = [];
    const lagMs: number[] = [];
    const e2eMs: number[] = [];
    const readyAt: number[] = [];
    const errors: Record<string, number> = {};
    let sent = 0;
    let accepted = 0;
    let failed = 0;
    let abandoned = false;
    const startedAt = now();
    const unlisten = deps.completions.listen((c) => {
      if (c.sentAt < startedAt) return;
      e2eMs.push(c.readyAt - c.sentAt);
      readyAt.push(c.readyAt);
    });
    const samples: BacklogSample[] = [];
    const waiting = () => sent - readyAt.length;
    const sampler = setInterval(
      () => samples.push({ t: (now() - startedAt) / 1000, waiting: waiting() }),
      SAMPLE_EVERY_MS,
    );

    try {
      await runOpenLoop({
        rate: req.rate,
        durationMs: req.durationMs,
        now,
        shouldStop: () => (abandoned ||= backlogRanAway(waiting(), req.rate, (now() - startedAt) / 1000)),
        fire: (scheduledAt) => {
          sent++;
          unanswered++;
          lagMs.push(now() - scheduledAt);
          void client.place().then((result) => {
            unanswered--;
            if (result.ok) {
              accepted++;
              acceptMs.push(now() - scheduledAt);
              tracker.placed(result.orderId, ITEMS_PER_ORDER, scheduledAt);
            } else {
              failed++;
              countError(errors, result.error);
            }
          });
        },
      });
      const sendingEndedAt = now();
      const durationMs = sendingEndedAt - startedAt;
      // Drain: bounded by the deadline; every accepted order of the step READY and every request answered.
      const deadline = sendingEndedAt + req.drainMs;
      while (now() < deadline && (unanswered > 0 || readyAt.length < accepted)) await sleep(20);
      const drained = unanswered === 0 && readyAt.length >= accepted;
      const drainMs = now() - sendingEndedAt;

      // Steady state: skip the first quarter (at most 2 s) of the step, where the pipeline fills.
      const windowStart = startedAt + Math.min(2000, durationMs / 4);
      const windowEnd = startedAt + durationMs;
      const readyInWindow = readyAt.filter((t) => t >= windowStart && t < windowEnd).length;
      const readyRate = windowEnd > windowStart ? readyInWindow / ((windowEnd - windowStart) / 1000) : 0;
      const secondHalf = samples.filter((s) => s.t >= durationMs / 2000 && s.t <= durationMs / 1000);
      const figures = {
        rate: req.rate,
        sent,
        failed,
        readyRate,
        backlogSlope: backlogSlope(secondHalf),
        drained,
        abandoned,
      };
      return {
        rate: req.rate,
        durationMs,
        sent,
        accepted,
        failed,
        errors,
        accept: summarize(acceptMs),
        sendLag: summarize(lagMs),
        e2e: summarize(e2eMs),
        readyRate,
        backlogSlope: figures.backlogSlope,
        backlogMax: Math.max(0, ...samples.map((s) => s.waiting)),
        drained,
        drainMs,
        abandoned,
        verdict: judgeStep(figures),
      };
    } finally {
      clearInterval(sampler);
      unlisten();
    }
  }

  /** Waits for every order accepted so far to be READY (after an overloaded step). */
  async function settle(req: SettleRequest): Promise<SettleResult> {
    const started = now();
    while (now() - started < req.timeoutMs && (unanswered > 0 || tracker.waiting > 0)) await sleep(100);
    return { waiting: tracker.waiting + unanswered, tookMs: now() - started };
  }

  /** Places orders with a fixed number in flight (closed loop), for the event-stream scenarios. */
  async function placeOrders(req: PlaceOrdersRequest): Promise<PlaceOrdersResult> {
    const orderIds: string[] = [];
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < req.count) {
        next++;
        const result = await client.place();
        if (result.ok) orderIds.push(result.orderId);
        else failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(req.concurrency, req.count) }, worker));
    return { orderIds, failed };
  }

  return { step, settle, placeOrders };
}
