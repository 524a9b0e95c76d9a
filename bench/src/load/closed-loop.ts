import type { SaturateRequest, SaturateResult } from "./load-protocol";
import { countError, createOrderClient } from "./order-client";
import { summarize } from "../report/percentiles";

/**
 * Saturation: `concurrency` requests always in flight for warm-up plus duration; the
 * answers of the measured part give the server's maximum accept rate and its latency there.
 */
export async function runSaturation(deps: { now: () => number }, req: SaturateRequest): Promise<SaturateResult> {
  const client = createOrderClient(req.baseUrl, req.concurrency);
  const started = deps.now();
  const measureFrom = started + req.warmMs;
  const end = measureFrom + req.durationMs;
  const acceptMs: number[] = [];
  const errors: Record<string, number> = {};
  let accepted = 0;
  let failed = 0;
  const worker = async () => {
    while (deps.now() < end) {
      const sentAt = deps.now();
      const result = await client.place();
      const doneAt = deps.now();
      if (sentAt < measureFrom || doneAt > end) continue;
      if (result.ok) {
        accepted++;
        acceptMs.push(doneAt - sentAt);
      } else {
        failed++;
        countError(errors, result.error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: req.concurrency }, worker));
  } finally {
    await client.close();
  }
  return { throughput: accepted / (req.durationMs / 1000), accepted, failed, errors, accept: summarize(acceptMs) };
}
