import { join } from "node:path";
import { allOrAbort } from "./processes/all-or-abort";
import { startFerretDb, type FerretDbHandle } from "./ferretdb/ferretdb-server";
import { startKafka, type KafkaHandle } from "./kafka/kafka-broker";
import { createStackLog, seconds, type StackLog } from "./log";
import { provisionFerretDb } from "./ferretdb/provision-ferretdb";
import { provisionKafka } from "./kafka/provision-kafka";
import { portEnvVars, readLocalStackConfig, type LocalStackConfig } from "./stack-config";
import type { ExitInfo } from "./processes/spawn-group";
import { assertPortsFree } from "./wait-for-port";

export type StackEnv = {
  KAFKA_BROKERS: string;
  MONGODB_URL: string;
};

export type LocalStack = {
  env: StackEnv;
  /** Where it runs, so a caller can restart one server on the same ports and data (startKafka, startFerretDb). */
  config: LocalStackConfig;
  kafka: KafkaHandle;
  ferretdb: FerretDbHandle;
  /** Resolves with the name of the server if either one exits unexpectedly. */
  died: Promise<{ server: "kafka" | "ferretdb"; exit: ExitInfo }>;
  stop(): Promise<void>;
};

export type StartLocalStackOptions = Partial<LocalStackConfig> & {
  log?: StackLog;
  /** Which env vars a port-in-use message should suggest: `STACK_` (default) or `STACK_TEST_`. */
  portEnvPrefix?: string;
};

/**
 * Kafka and FerretDB side by side under `<dataDir>/kafka` and `<dataDir>/ferretdb`.
 * Unset options come from STACK_* env vars, then the dev defaults (19092/19093/27117, .stack/).
 * Provisioning and start-up of the two run in parallel: together they are bound by the
 * slower one (a cold FerretDB build, or the JVM start), not by their sum.
 */
export async function startLocalStack(opts: StartLocalStackOptions = {}): Promise<LocalStack> {
  const { log = createStackLog(), portEnvPrefix, ...overrides } = opts;
  const config: LocalStackConfig = { ...readLocalStackConfig(), ...definedOnly(overrides) };
  const started = Date.now();
  const envVars = portEnvVars(portEnvPrefix);
  await assertPortsFree([
    { port: config.kafkaPort, what: "kafka", envVar: envVars.kafkaPort },
    { port: config.kafkaControllerPort, what: "kafka controller", envVar: envVars.kafkaControllerPort },
    { port: config.mongoPort, what: "ferretdb", envVar: envVars.mongoPort },
  ]);

  const [kafka, ferret] = await allOrAbort(
    (signal) =>
      provisionKafka({ log, signal }).then((install) => {
        signal.throwIfAborted();
        return startKafka({
          port: config.kafkaPort,
          controllerPort: config.kafkaControllerPort,
          dataDir: join(config.dataDir, "kafka"),
          log,
          install,
        });
      }),
    (signal) =>
      provisionFerretDb({ log, signal }).then((install) => {
        signal.throwIfAborted();
        return startFerretDb({ port: config.mongoPort, dataDir: join(config.dataDir, "ferretdb"), log, install });
      }),
    // Never leave the half that did start running behind a failed start.
    (server) => server.stop(),
  );
  log.info("local stack ready", { took: seconds(started), dataDir: config.dataDir });
  return assemble(config, kafka, ferret, log);
}

function assemble(config: LocalStackConfig, kafka: KafkaHandle, ferret: FerretDbHandle, log: StackLog): LocalStack {
  let stopping = false;
  const died = Promise.race([
    kafka.exited.then((exit) => ({ server: "kafka" as const, exit })),
    ferret.exited.then((exit) => ({ server: "ferretdb" as const, exit })),
  ]).then((death) => (stopping ? new Promise<never>(() => undefined) : death));
  let stopped: Promise<void> | undefined;
  return {
    env: { KAFKA_BROKERS: kafka.brokers, MONGODB_URL: ferret.url },
    config,
    kafka,
    ferretdb: ferret,
    died,
    stop: () => {
      stopping = true;
      stopped ??= Promise.all([kafka.stop(), ferret.stop()]).then(() => log.info("local stack stopped"));
      return stopped;
    },
  };
}

/** `{ kafkaPort: undefined }` means "not given", not "no port". */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
