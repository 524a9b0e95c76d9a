import type { Producer } from "kafkajs";
import type { z } from "zod";

/**
 * Sends events under a key of the caller's choosing (the shared publisher keys by order id):
 * station commands by station, station news by station. Validated before they leave; acks = all.
 */
export async function publishKeyed<S extends z.ZodType>(
  producer: Producer,
  topic: string,
  schema: S,
  messages: readonly { key: string; event: z.input<S> }[],
): Promise<void> {
  if (messages.length === 0) return;
  await producer.send({
    topic,
    acks: -1,
    messages: messages.map(({ key, event }) => ({ key, value: JSON.stringify(schema.parse(event)) })),
  });
}
