import type { Problem } from "./problem";

/** An ItemStarted on the balcony: which worker started which item, when, and when it expected it ready. */
export type Start = { itemId: string; orderId: string; worker: string; at: number; expectedReadyAt: number };
/** A preparation a worker ran to its end (its ItemReady says `prepared`). */
export type Preparation = { itemId: string; orderId: string; worker: string; at: number };
/** A worker's life, from the fleet's history: when it ended and when it was frozen. */
export type WorkerLife = { worker: string; slot: string; endedAt?: number; frozen: { from: number; to?: number }[] };

export type Restart = { itemId: string; orderId: string; at: number; why: string };

/**
 * Items prepared more than once. Two kinds of evidence, both on the balcony:
 * - two workers ran a preparation of the item to its end (two `prepared` ItemReady);
 * - a second worker started the item while the first was preparing it (before the first's
 *   expected ready time) and running: not killed, not stopped, not frozen. Two cooks on one
 *   item at once, whoever finished.
 * Any other second start is a restart (the first preparation was lost with its worker, or
 * given up past its claim), reported apart; it is a double effect only if both finished.
 */
export function findDoubleEffects(input: {
  starts: readonly Start[];
  preparations: readonly Preparation[];
  lives: readonly WorkerLife[];
}): { problems: Problem[]; restarts: Restart[] } {
  const lives = new Map(input.lives.map((life) => [life.worker, life]));
  const slotOf = (worker: string) => lives.get(worker)?.slot ?? worker;
  const outAt = (worker: string, at: number): string | undefined => {
    const life = lives.get(worker);
    if (!life) return undefined;
    if (life.endedAt !== undefined && life.endedAt <= at) return "had ended";
    if (life.frozen.some((f) => f.from <= at && (f.to === undefined || at <= f.to))) return "was frozen";
    return undefined;
  };
  const problems: Problem[] = [];
  const restarts: Restart[] = [];

  for (const [itemId, preps] of groupBy(input.preparations)) {
    const workers = [...new Set(preps.map((p) => p.worker))];
    if (workers.length < 2) continue;
    const first = preps[0] as Preparation;
    problems.push({
      kind: "double effect",
      orderId: first.orderId,
      itemId,
      at: first.at,
      message: `item ${itemId} of order ${first.orderId} prepared to the end by ${workers.length} workers (${workers.map(slotOf).join(", ")})`,
    });
  }

  for (const [itemId, starts] of groupBy(input.starts)) {
    const sorted = [...starts].sort((a, b) => a.at - b.at);
    for (let i = 1; i < sorted.length; i++) {
      const later = sorted[i] as Start;
      const earlier = sorted
        .slice(0, i)
        .reverse()
        .find((s) => s.worker !== later.worker);
      if (!earlier) continue;
      const why =
        outAt(earlier.worker, later.at) ??
        (later.at >= earlier.expectedReadyAt ? "was past its preparation" : undefined);
      const what = `item ${itemId} of order ${later.orderId} started by ${slotOf(earlier.worker)} at ${iso(earlier.at)} and by ${slotOf(later.worker)} at ${iso(later.at)}`;
      if (why) restarts.push({ itemId, orderId: later.orderId, at: later.at, why: `${what}; the first ${why}` });
      else {
        problems.push({
          kind: "double effect",
          orderId: later.orderId,
          itemId,
          at: earlier.at,
          message: `${what}, while the first was running`,
        });
        break;
      }
    }
  }
  return { problems, restarts };
}

function groupBy<T extends { itemId: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const entry of list) out.set(entry.itemId, [...(out.get(entry.itemId) ?? []), entry]);
  return out;
}

const iso = (at: number) => new Date(at).toISOString().slice(11, 23);
