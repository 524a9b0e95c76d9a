import { setTimeout as sleep } from "node:timers/promises";
import { probeIdOf, type BalconyProbe } from "./balcony-probe";
import type { StreamsOpenRequest, StreamsOpenResult, StreamsProbeRequest, StreamsProbeResult } from "./load-protocol";
import { runOpenLoop } from "./open-loop";
import { summarize } from "../report/percentiles";
import { openMany, orderIdOfPath, type SseClient } from "./sse-clients";

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * The customers' event streams the generator holds open (`GET /api/orders/:id/events`,
 * several per order once there are more streams than orders), and the balcony probes
 * timed on their way to them. The bench process decides how many and when; this only
 * opens, probes and closes.
 */
export function createStreamPool(deps: { host: string; port: number; probe: BalconyProbe; now: () => number }) {
  const clients: SseClient[] = [];
  const perOrder = new Map<string, number>();
  let latencies: number[] = [];
  const onMessage = (message: { event: string; data: string }) => {
    if (message.event !== "update") return;
    const id = probeIdOf(message.data, deps.probe.prefix);
    const age = id === undefined ? undefined : deps.probe.age(id);
    if (age !== undefined) latencies.push(age);
  };
  const held = () => clients.filter((client) => client.open).length;

  /** Opens streams until `target` are held, round-robin over the orders, within the time budget. */
  async function open(req: StreamsOpenRequest): Promise<StreamsOpenResult> {
    const started = deps.now();
    const missing = Math.max(0, req.target - held());
    const paths = Array.from(
      { length: missing },
      (_, k) => `/api/orders/${req.orderIds[(clients.length + k) % req.orderIds.length]}/events`,
    );
    const opened = await openMany({
      host: deps.host,
      port: deps.port,
      paths,
      concurrency: req.concurrency,
      timeoutMs: CONNECT_TIMEOUT_MS,
      now: deps.now,
      deadline: started + req.budgetMs,
      onMessage,
    });
    for (const client of opened.clients) {
      clients.push(client);
      const orderId = orderIdOfPath(client.path);
      perOrder.set(orderId, (perOrder.get(orderId) ?? 0) + 1);
    }
    const tookMs = deps.now() - started;
    return {
      held: held(),
      attempted: opened.attempted,
      failures: opened.failures,
      connect: summarize(opened.connectMs),
      tookMs,
      outOfBudget: opened.attempted < paths.length,
    };
  }

  /** Probes at `rate` for `durationMs`, round-robin over the orders being watched; waits for stragglers. */
  async function probe(req: StreamsProbeRequest): Promise<StreamsProbeResult> {
    latencies = [];
    const watched = [...perOrder.keys()];
    if (watched.length === 0) throw new Error("no open streams to probe");
    let injected = 0;
    let expected = 0;
    await runOpenLoop({
      rate: req.rate,
      durationMs: req.durationMs,
      now: deps.now,
      fire: (_at, i) => {
        const orderId = watched[i % watched.length] as string;
        injected++;
        expected += perOrder.get(orderId) ?? 0;
        deps.probe.send(orderId).catch(() => {
          injected--;
          expected -= perOrder.get(orderId) ?? 0;
        });
      },
    });
    const deadline = deps.now() + req.waitMs;
    while (deps.now() < deadline && latencies.length < expected) await sleep(20);
    const result = { injected, expected, received: latencies.length, latency: summarize(latencies), held: held() };
    deps.probe.forget();
    return result;
  }

  function close(): { closed: number } {
    const closed = clients.length;
    for (const client of clients) client.close();
    clients.length = 0;
    perOrder.clear();
    return { closed };
  }

  return { open, probe, close };
}
