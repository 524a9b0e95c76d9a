import type { Collection } from "mongodb";
import {
  itemReadyEvent,
  itemUnavailableEvent,
  itemWithdrawnEvent,
  type StationEvent,
  type UnavailableReason,
  type WithdrawalReason,
} from "../events";
import { insertNew } from "../mongo";
import type { Station } from "../stations";

/**
 * Insert-only record of an item's one final outcome; its unique id (the item id) makes the
 * first outcome the only one: a worker that loses the insert announces the winner's instead.
 */
export type CompletionDoc = {
  _id: string;
  orderId: string;
  menuItemId: number;
  name: string;
  worker: string;
  at: Date;
} & (
  | { outcome: "READY"; startedAt: Date; readyAt: Date }
  | { outcome: "WITHDRAWN"; reason: WithdrawalReason }
  | { outcome: "UNAVAILABLE"; reason: UnavailableReason }
);
export type Outcome = CompletionDoc["outcome"];

/** Records outcomes (first wins) and says which outcome won. */
export function createOutcomes(completions: Collection<CompletionDoc>) {
  return {
    async record(doc: CompletionDoc): Promise<CompletionDoc> {
      if ((await insertNew(completions, [doc])).length > 0) return doc;
      return (await completions.findOne({ _id: doc._id })) ?? doc;
    },
    find: (itemId: string) => completions.findOne({ _id: itemId }),
  };
}

/** What a station announces for a recorded outcome. Pure. */
export function outcomeEvent(doc: CompletionDoc, station: Station): StationEvent {
  const item = { itemId: doc._id, orderId: doc.orderId, menuItemId: doc.menuItemId, name: doc.name, station };
  switch (doc.outcome) {
    case "READY":
      return itemReadyEvent(item, doc.readyAt.getTime());
    case "WITHDRAWN":
      return itemWithdrawnEvent(item, doc.at.getTime(), doc.reason);
    case "UNAVAILABLE":
      return itemUnavailableEvent(item, doc.at.getTime(), doc.reason);
  }
}
