import type { Collection } from "mongodb";
import { createMicroBatcher } from "../micro-batcher";
import { insertNew } from "../mongo";

/**
 * Insert-only: worker `worker` prepares `itemId` (its attempt `n`) and may record it as made
 * until `until`. The unique id `<itemId>/<n>` makes one worker the cook of each attempt.
 */
export type ClaimDoc = { _id: string; itemId: string; n: number; worker: string; startedAt: Date; until: Date };

export const claimId = (itemId: string, n: number) => `${itemId}/${n}`;

/** What a worker may do about an item it is about to start, given the item's latest claim. */
export type ClaimVerdict =
  /** Nobody has started it, or its cook's time is over: claim attempt `n` (after checking the record). */
  | { kind: "claim"; n: number; afterOther: boolean }
  /** Another worker is preparing it, or may still record it: wait, and look again at `takeOverAt`. */
  | { kind: "busy"; claim: ClaimDoc; takeOverAt: number };

/**
 * Who prepares an item (pure). Ownership of a partition moves at every rebalance, and a worker
 * that lost its partitions (or was frozen past its session) does not know it at once; so the
 * cook of an item is whoever claimed it, for as long as its lease lasts: the claimer records
 * the item only before `until`, and another worker takes it over only after `until` plus a
 * grace for a record already on its way. At most one preparation of an item is ever recorded
 * as made, and a worker that lost its partition finishes what it started instead of a second
 * cook starting it again.
 */
export function judgeClaim(input: {
  latest: ClaimDoc | undefined;
  worker: string;
  now: number;
  graceMs: number;
}): ClaimVerdict {
  const { latest, worker, now, graceMs } = input;
  if (!latest) return { kind: "claim", n: 1, afterOther: false };
  // Our own earlier attempt: we know we are not recording it any more (we gave it up).
  if (latest.worker === worker) return { kind: "claim", n: latest.n + 1, afterOther: false };
  const takeOverAt = latest.until.getTime() + graceMs;
  if (now < takeOverAt) return { kind: "busy", claim: latest, takeOverAt };
  return { kind: "claim", n: latest.n + 1, afterOther: true };
}

/** Reads and writes claims: every read by `_id`, every write an insert (FerretDB has no atomic update). */
export function createPreparationClaims(
  collection: Collection<ClaimDoc>,
  opts: { worker: string; leaseMs: number; now: () => number },
) {
  const insert = createMicroBatcher<ClaimDoc, boolean>(async (docs) => {
    const won = new Set((await insertNew(collection, docs)).map((doc) => doc._id));
    return docs.map((doc) => won.has(doc._id));
  });
  return {
    /** Claims attempt `n` of an item that takes `prepMs`; the claim, or undefined if another worker has it. */
    async claim(itemId: string, n: number, prepMs: number): Promise<ClaimDoc | undefined> {
      const at = opts.now();
      const doc: ClaimDoc = {
        _id: claimId(itemId, n),
        itemId,
        n,
        worker: opts.worker,
        startedAt: new Date(at),
        until: new Date(at + prepMs + opts.leaseMs),
      };
      return (await insert.add(doc)) ? doc : undefined;
    },
    /** The item's latest claim, read attempt by attempt (almost always one or two reads). */
    async latest(itemId: string): Promise<ClaimDoc | undefined> {
      let latest: ClaimDoc | undefined;
      for (let n = 1; ; n++) {
        const doc = await collection.findOne({ _id: claimId(itemId, n) });
        if (!doc) return latest;
        latest = doc;
      }
    },
  };
}
export type PreparationClaims = ReturnType<typeof createPreparationClaims>;
