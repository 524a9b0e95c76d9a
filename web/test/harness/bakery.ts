import type { OrderView } from "@bakery/shared/order";
import { moneyProblems } from "@bakery/shared/money";
import { sagaEnv } from "./saga-env";
import { waitFor } from "./wait-for";
import { loadWebApp, type WebApp } from "./web-app";
import { startWorker, type WorkerProcess } from "./worker-process";

/** A whole bakery for a test file: the web app in-process, real worker processes, private topics. */
export async function startBakery(options: { env?: Record<string, string>; kitchens?: number; bars?: number } = {}) {
  const env = sagaEnv(options.env);
  const web: WebApp = await loadWebApp(env);
  const workers: WorkerProcess[] = [
    ...Array.from({ length: options.kitchens ?? 1 }, () => startWorker("kitchen", env)),
    ...Array.from({ length: options.bars ?? 1 }, () => startWorker("bar", env)),
  ];

  async function placeOrder(
    items: { menuItemId: number; quantity: number }[],
    customerName = "Ana",
  ): Promise<OrderView> {
    const response = await web.call("POST", "/api/orders", { body: { customerName, items } });
    if (response.status !== 201) throw new Error(`order refused: ${response.status} ${JSON.stringify(response.json)}`);
    return response.json as OrderView;
  }

  async function untilReady(orderId: string, timeoutMs = 60_000): Promise<OrderView> {
    try {
      return await waitFor(
        `order ${orderId} READY`,
        async () => {
          const view = await web.order(orderId);
          return view.status === "READY" ? view : undefined;
        },
        timeoutMs,
      );
    } catch (err) {
      throw new Error(`${String(err)}\n${await whyNotReady(orderId)}`, { cause: err });
    }
  }

  /** What a stuck order's failure message needs: its items, its outbox entry, what the workers said last. */
  async function whyNotReady(orderId: string): Promise<string> {
    const view = await web.order(orderId).catch((err: unknown) => String(err));
    const items =
      typeof view === "string"
        ? view
        : view.items.map((item) => `${item.name} (${item.station}) ${item.status}`).join(", ");
    const inOutbox = await web.context.c.outbox.countDocuments({ _id: orderId }).catch(() => "unknown");
    const tails = workers.map((worker, i) => `worker ${i}:\n${worker.output().split("\n").slice(-15).join("\n")}`);
    return [`items: ${items}`, `outbox entries: ${inOutbox}`, ...tails].join("\n");
  }

  async function checkMoney(): Promise<string[]> {
    const orders = await web.context.c.orders.find({}, { projection: { _id: 1 } }).toArray();
    const problems: string[] = [];
    for (const { _id } of orders) problems.push(...moneyProblems(await web.order(_id)));
    return problems;
  }

  return {
    env,
    web,
    workers,
    placeOrder,
    untilReady,
    startWorker: (name: "kitchen" | "bar") => {
      const worker = startWorker(name, env);
      workers.push(worker);
      return worker;
    },
    /** Every order this bakery took obeys the money invariant (run by `close`, so by every test file). */
    checkMoney,
    async close() {
      const problems = await checkMoney().catch((err: unknown) => [`could not check the money: ${String(err)}`]);
      await Promise.all(workers.map((worker) => worker.stop()));
      await web.close();
      if (problems.length > 0) throw new Error(`money invariant broken:\n${problems.join("\n")}`);
    },
  };
}
export type Bakery = Awaited<ReturnType<typeof startBakery>>;
