import type { Ticket } from "./station-queue";

/**
 * What to do with the tickets of a batch that were new to this worker, once the database has
 * said which were seen before (ticket insert lost) and which of those already have a completion.
 * Pure: the loop does the reads and acts on the answer.
 */
export function settleFresh(input: {
  fresh: readonly Ticket[];
  firstSeen: ReadonlySet<string>;
  completedAt: ReadonlyMap<string, number>;
}): {
  /** Items whose outcome is already recorded (READY, WITHDRAWN or UNAVAILABLE): announce it again, take nothing. */
  settledBefore: { ticket: Ticket; readyAt: number }[];
  enqueue: Ticket[];
} {
  const settledBefore: { ticket: Ticket; readyAt: number }[] = [];
  const enqueue: Ticket[] = [];
  for (const ticket of input.fresh) {
    const readyAt = input.firstSeen.has(ticket.itemId) ? undefined : input.completedAt.get(ticket.itemId);
    if (readyAt === undefined) enqueue.push(ticket);
    else settledBefore.push({ ticket, readyAt });
  }
  return { settledBefore, enqueue };
}

/** Which new tickets are worth a completion lookup: only those whose ticket insert found one already. */
export const seenBefore = (fresh: readonly Ticket[], firstSeen: ReadonlySet<string>): Ticket[] =>
  fresh.filter((ticket) => !firstSeen.has(ticket.itemId));
