import type { Producer } from "kafkajs";
import type { Publisher } from "@bakery/shared/kafka";
import { within } from "./deadline";

/**
 * Kafka as a request handler sees it. kafkajs retries an unreachable broker for most of a
 * minute; a request waits `ms` at most and answers 503, and the send goes on. What a request
 * sends is stored before it (a pending effect, an order event) and keyed by its id, so the
 * sweeps finish it if the send fails and a late second copy changes nothing; or it is a staff
 * command (stock, pause) whose retry sets the same thing again. The consumers, the outbox
 * relay and the sweeps keep the unbounded producer.
 */
export function requestKafka(kafka: { publisher: Publisher; producer: Producer }, ms: number) {
  const publish: Publisher["publish"] = (topic, schema, events) =>
    within(ms, kafka.publisher.publish(topic, schema, events));
  const publisher: Publisher = {
    ...kafka.publisher,
    publish,
    deadLetter: (topic, from) => within(ms, kafka.publisher.deadLetter(topic, from)),
  };
  const producer: Producer = { ...kafka.producer, send: (record) => within(ms, kafka.producer.send(record)) };
  return { publisher, producer };
}
