import type { KafkaMessage } from "kafkajs";
import { ItemWithdrawalRequested, type ItemOrdered } from "../events";
import { decodeMessage } from "../kafka";
import type { Recipe } from "../menu";
import type { Station } from "../stations";
import type { Ticket } from "./station-queue";
import { ticketFromMessage } from "./ticket-from-message";

/** Where the copy of an item this station already holds came from. */
export type HeldCopy = { partition: number; offset: string };

export type Verdict =
  /** Cannot be a ticket: set it aside, its offset is done. */
  | { kind: "dead-letter"; offset: string; reason: string }
  /** An item with no recipe here (yet): the station reads its recipes again before it gives up. */
  | { kind: "unknown-item"; offset: string; reason: string; item: ItemOrdered }
  /** Take this item back if it has not started; decided in partition order. */
  | { kind: "withdrawal"; offset: string; request: ItemWithdrawalRequested }
  /** A ticket for an item this station does not hold yet. */
  | { kind: "new"; offset: string; ticket: Ticket }
  /**
   * The very message already in hand, delivered again (kafkajs re-fetches from the committed
   * offset after a rebalance). The first delivery's work covers this offset: nothing to do,
   * and above all the offset must stay in progress until that work is finished.
   */
  | { kind: "same-copy"; offset: string }
  /** Another message for an item already in hand (a re-produced duplicate): done as soon as taken. */
  | { kind: "other-copy"; offset: string };

/**
 * Sorts one partition's batch into what it means for this station. Pure: `held` says which
 * copy of an item is in hand (queued, preparing or being reported), if any.
 */
export function sortBatch(input: {
  partition: number;
  messages: readonly Pick<KafkaMessage, "value" | "offset">[];
  held: (itemId: string) => HeldCopy | undefined;
  station: Station;
  recipes: ReadonlyMap<number, Recipe>;
  prepTimeScale: number;
}): Verdict[] {
  const takenHere = new Map<string, HeldCopy>();
  return input.messages.map((message): Verdict => {
    const withdrawal = decodeMessage(ItemWithdrawalRequested, message);
    if (withdrawal.ok)
      return withdrawal.value.data.station === input.station
        ? { kind: "withdrawal", offset: message.offset, request: withdrawal.value }
        : {
            kind: "dead-letter",
            offset: message.offset,
            reason: `foreign: meant for ${withdrawal.value.data.station}`,
          };
    const result = ticketFromMessage(message, input);
    if (!result.ok)
      return result.unknownItem
        ? { kind: "unknown-item", offset: message.offset, reason: result.reason, item: result.unknownItem }
        : { kind: "dead-letter", offset: message.offset, reason: result.reason };
    const { ticket } = result;
    const held = input.held(ticket.itemId) ?? takenHere.get(ticket.itemId);
    if (held) {
      const same = held.partition === input.partition && held.offset === message.offset;
      return { kind: same ? "same-copy" : "other-copy", offset: message.offset };
    }
    takenHere.set(ticket.itemId, { partition: input.partition, offset: message.offset });
    return { kind: "new", offset: message.offset, ticket };
  });
}
