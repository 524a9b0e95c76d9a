import { KafkaJSError } from "kafkajs";
import { isDatabaseUnreachable } from "@bakery/shared/mongo";

/** What a 503 asks the client to wait: about what a restarting database or broker takes. */
export const RETRY_AFTER_S = 2;

/**
 * The error says the database or Kafka could not be reached or did not answer in time
 * (down, restarting, a broker without a leader yet), not that the request or the code is
 * wrong: the request may succeed if sent again. Every kafkajs error is such a failure of
 * the broker's; the database's are the driver's network, selection and timeout errors.
 */
export const isOutage = (err: unknown): boolean => err instanceof KafkaJSError || isDatabaseUnreachable(err);
