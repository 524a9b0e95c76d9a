import type { Kafka } from "kafkajs";
import { StationControl } from "../events";
import { decodeMessage, ensureTopics } from "../kafka";
import type { Logger } from "../logger";
import { retryUntilDone } from "../retry";
import type { Station } from "../stations";
import { emptyControl, foldControl, type ControlChange, type ControlState } from "./control-state";

/**
 * Follows the one-partition `station-control` topic from its beginning, with a consumer group
 * of this worker's own (every worker folds the whole history). Resolves once everything
 * written before the start is folded, so the station takes no item with a stale stock or pause.
 */
export async function followControl(options: {
  kafka: Kafka;
  topic: string;
  station: Station;
  groupId: string;
  log: Logger;
  onChange: (change: ControlChange, offset: string) => void;
}) {
  // Retried like the station's own topics: a new topic's metadata may lag behind its creation.
  const high =
    (await retryUntilDone(
      "read the control topic's end",
      async () => {
        const admin = options.kafka.admin();
        await admin.connect();
        try {
          await ensureTopics(admin, [options.topic], 1);
          const offsets = await admin.fetchTopicOffsets(options.topic);
          return BigInt(offsets.find((p) => p.partition === 0)?.high ?? "0");
        } finally {
          await admin.disconnect();
        }
      },
      { log: options.log, stopped: () => false },
    )) ?? 0n;

  let state: ControlState = emptyControl;
  let caughtUp = high === 0n;
  let markCaughtUp = () => {};
  const ready = new Promise<void>((resolve) => (markCaughtUp = resolve));
  if (caughtUp) markCaughtUp();

  // A short fetch wait: the topic is quiet, and a worker's shutdown waits for the fetch in flight.
  const consumer = options.kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      const decoded = decodeMessage(StationControl, message);
      if (!decoded.ok) options.log.warn("control message ignored", { reason: decoded.reason, offset: message.offset });
      else {
        const folded = foldControl(state, { offset: message.offset, event: decoded.value }, options.station);
        state = folded.state;
        if (caughtUp) options.onChange(folded.change, message.offset);
      }
      if (!caughtUp && BigInt(message.offset) + 1n >= high) {
        caughtUp = true;
        markCaughtUp();
      }
    },
  });
  await ready;
  return {
    state: () => state,
    stop: () => consumer.disconnect(),
  };
}
