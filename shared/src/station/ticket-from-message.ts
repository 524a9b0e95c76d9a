import type { KafkaMessage } from "kafkajs";
import { ItemOrdered } from "../events";
import { decodeMessage } from "../kafka";
import type { Recipe } from "../menu";
import type { Station } from "../stations";
import { prepMs } from "../station-schedule";
import type { Ticket } from "./station-queue";

/**
 * Turns a message from the station's topic into a ticket, or says why it cannot be one
 * (malformed, meant for the other station, or an item this station has no recipe for).
 */
export function ticketFromMessage(
  message: Pick<KafkaMessage, "value" | "offset">,
  context: { station: Station; partition: number; recipes: ReadonlyMap<number, Recipe>; prepTimeScale: number },
): { ok: true; ticket: Ticket } | { ok: false; reason: string; unknownItem?: ItemOrdered } {
  const decoded = decodeMessage(ItemOrdered, message);
  if (!decoded.ok) return decoded;
  const { orderId, data } = decoded.value;
  if (data.station !== context.station) return { ok: false, reason: `foreign: meant for ${data.station}` };
  const recipe = context.recipes.get(data.menuItemId);
  if (!recipe) return { ok: false, reason: `unknown item ${data.menuItemId}`, unknownItem: decoded.value };
  return {
    ok: true,
    ticket: {
      itemId: data.itemId,
      orderId,
      menuItemId: data.menuItemId,
      name: recipe.name,
      station: context.station,
      prepMs: prepMs(recipe.prepSeconds, context.prepTimeScale),
      partition: context.partition,
      offset: message.offset,
    },
  };
}
