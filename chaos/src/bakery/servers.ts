import { join } from "node:path";
import { startFerretDb, type FerretDbHandle } from "@bakery/stack/ferretdb/ferretdb-server";
import { startKafka, type KafkaHandle } from "@bakery/stack/kafka/kafka-broker";
import type { LocalStack } from "@bakery/stack/local-stack";
import type { StackLog } from "@bakery/stack/log";
import { groupIsAlive } from "@bakery/stack/processes/spawn-group";
import { poll } from "@bakery/stack/wait-until";

/** One server of the private stack, as the nemesis handles it. */
export type ServerControl = {
  name: "kafka" | "ferretdb";
  /** SIGKILL to its process group; resolves when nothing of it is left. */
  kill9(): Promise<void>;
  /** A clean stop (SIGTERM). */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data; resolves when it answers. */
  start(): Promise<void>;
  /** Whatever incarnation runs at the end. */
  close(): Promise<void>;
};

/**
 * Controls over the servers of a stack this run started. A restarted server is a new process
 * on the same ports and data directory, so the apps reconnect to the same address.
 */
export function serverControls(stack: LocalStack, log: StackLog): { kafka: ServerControl; ferretdb: ServerControl } {
  const { config } = stack;
  return {
    kafka: control("kafka", stack.kafka, () =>
      startKafka({
        port: config.kafkaPort,
        controllerPort: config.kafkaControllerPort,
        dataDir: join(config.dataDir, "kafka"),
        log,
      }),
    ),
    ferretdb: control("ferretdb", stack.ferretdb, () =>
      startFerretDb({ port: config.mongoPort, dataDir: join(config.dataDir, "ferretdb"), log }),
    ),
  };
}

function control<H extends KafkaHandle | FerretDbHandle>(
  name: "kafka" | "ferretdb",
  first: H,
  startAgain: () => Promise<H>,
): ServerControl {
  let current: H | undefined = first;
  const kill9 = async () => {
    const handle = current;
    if (!handle) return;
    current = undefined;
    try {
      process.kill(-handle.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await handle.exited;
    await poll(async () => !groupIsAlive(handle.pid), {
      what: `${name} to be gone`,
      timeoutMs: 30_000,
      intervalMs: 50,
    });
  };
  return {
    name,
    kill9,
    async stop() {
      const handle = current;
      current = undefined;
      await handle?.stop();
    },
    async start() {
      if (!current) current = await startAgain();
    },
    async close() {
      await current?.stop();
      current = undefined;
    },
  };
}
