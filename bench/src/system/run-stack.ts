import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { MongoClient } from "mongodb";
import { ensureTopics } from "@bakery/shared/kafka";
import { freePort } from "@bakery/stack/free-port";
import { startLocalStack, type LocalStack, type StackEnv } from "@bakery/stack/local-stack";
import type { StackLog } from "@bakery/stack/log";
import { readExternalStack } from "@bakery/stack/stack-config";
import { poll } from "@bakery/stack/wait-until";

export type RunStack = {
  kind: "local" | "external";
  env: StackEnv;
  mongoPort: number;
  /** The private stack's servers (absent on an external stack), for a caller that restarts or kills them. */
  local?: LocalStack;
  stop: () => Promise<void>;
};

/**
 * The stack a run (bench, chaos) works on: the one KAFKA_BROKERS and MONGODB_URL name, or a
 * private one on kernel-chosen ports with its data in a temporary directory, removed at stop.
 */
export async function acquireRunStack(opts: {
  log: StackLog;
  step: (line: string) => void;
  /** Prefix of the temporary data directory. */
  tmpPrefix?: string;
  /** False: a private stack even when the environment names one (a run that kills its servers). */
  allowExternal?: boolean;
}): Promise<RunStack> {
  const external = opts.allowExternal === false ? undefined : readExternalStack();
  if (external) {
    opts.step(
      `using the stack named by KAFKA_BROKERS=${external.KAFKA_BROKERS} and MONGODB_URL=${external.MONGODB_URL}`,
    );
    return {
      kind: "external",
      env: external,
      mongoPort: Number(new URL(external.MONGODB_URL).port || 27017),
      stop: async () => undefined,
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), opts.tmpPrefix ?? "bakery-bench-"));
  const [kafkaPort, kafkaControllerPort, mongoPort] = [await freePort(), await freePort(), await freePort()];
  opts.step(
    `starting a private stack: kafka 127.0.0.1:${kafkaPort}, ferretdb 127.0.0.1:${mongoPort}, data in ${dataDir}`,
  );
  try {
    const stack = await startLocalStack({ kafkaPort, kafkaControllerPort, mongoPort, dataDir, log: opts.log });
    return {
      kind: "local",
      env: stack.env,
      mongoPort,
      local: stack,
      stop: async () => {
        await stack.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** A quiet admin client: what a fresh broker answers for a moment ("not the leader") is retried, not logged. */
const runAdmin = (env: StackEnv) =>
  new Kafka({ clientId: "run-admin", brokers: env.KAFKA_BROKERS.split(","), logLevel: logLevel.NOTHING }).admin();

/** Creates a run's topics up front (every app would race to create them otherwise). */
export async function createRunTopics(env: StackEnv, topics: readonly string[], partitions: number): Promise<void> {
  const admin = runAdmin(env);
  await admin.connect();
  try {
    // A broker that has just started may answer "does not host this topic-partition" while
    // kafkajs waits for the new topics' leaders: try again rather than fail the run.
    await poll(async () => (await ensureTopics(admin, topics, partitions), true), {
      what: `topics ${topics.join(", ")}`,
      timeoutMs: 60_000,
      intervalMs: 500,
    });
  } finally {
    await admin.disconnect();
  }
}

/** On someone else's stack, leave nothing behind: the run's topics and databases go. */
export async function dropRunData(
  env: StackEnv,
  data: { topics: readonly string[]; dbs: readonly string[] },
  log: StackLog,
): Promise<void> {
  const admin = runAdmin(env);
  await admin.connect();
  await admin
    .deleteTopics({ topics: [...data.topics] })
    .catch((err: unknown) => log.warn("could not delete the run's topics", { err: String(err) }));
  await admin.disconnect();
  const client = await MongoClient.connect(env.MONGODB_URL, { serverSelectionTimeoutMS: 5_000 });
  for (const db of data.dbs)
    await client
      .db(db)
      .dropDatabase()
      .catch(() => undefined);
  await client.close();
}
