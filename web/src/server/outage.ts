import { isDatabaseUnreachable } from "@bakery/shared/mongo";

/** What a 503 asks the client to wait: about what a restarting database or broker takes. */
export const RETRY_AFTER_S = 2;

/**
 * The error says the database or Kafka could not be reached or did not answer in time
 * (down, restarting, a broker without a leader yet), not that the request or the code is
 * wrong: the request may succeed if sent again. Every kafkajs error is such a failure of
 * the broker's; the database's are the driver's network, selection and timeout errors.
 */
export const isOutage = (err: unknown): boolean => isKafkaError(err) || isDatabaseUnreachable(err);

/**
 * Known by name: kafkajs is CommonJS and Node's ESM loader does not see its error classes
 * as named exports (the process would not start); every one of them is named KafkaJS….
 */
const isKafkaError = (err: unknown): boolean => err instanceof Error && err.name.startsWith("KafkaJS");
