import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileTail } from "../processes/file-tail";
import { requireTool } from "../provision/find-on-path";
import { kafkaIsReady } from "./kafka-ready";
import { randomKafkaClusterId, renderKafkaServerProperties } from "./kafka-server-properties";
import { scoped, seconds, type StackLog } from "../log";
import { provisionKafka, type KafkaInstall } from "./provision-kafka";
import { runChecked } from "../processes/run-checked";
import { spawnGroup, type ExitInfo } from "../processes/spawn-group";
import { StackError } from "../stack-errors";
import { waitUntil } from "../wait-until";
import { assertPortsFree, waitForPort } from "../wait-for-port";

export type StartKafkaOptions = {
  port: number;
  controllerPort: number;
  /** Holds the topic data, server.properties and logs/; reuse it to keep data across restarts. */
  dataDir: string;
  log: StackLog;
  /** Skips provisioning when the caller already did it (e.g. in parallel with FerretDB). */
  install?: KafkaInstall;
  startTimeoutMs?: number;
};

export type KafkaHandle = {
  brokers: string;
  /** The broker's process group, for a caller that means to kill it the hard way (fault injection). */
  pid: number;
  /** Resolves if the broker exits by itself, so a supervisor can react. */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
};

const STOP_TIMEOUT_MS = 30_000;

/**
 * A single-node KRaft broker+controller. Start and stop may be repeated on the same
 * ports and dataDir (tests restart Kafka mid-run): the storage is formatted only once.
 */
export async function startKafka(opts: StartKafkaOptions): Promise<KafkaHandle> {
  const log = scoped(opts.log, "kafka");
  const java = requireTool("java", "to run the Kafka broker (Java >= 17)");
  const install = opts.install ?? (await provisionKafka({ log: opts.log }));
  await assertPortsFree([
    { port: opts.port, what: "kafka" },
    { port: opts.controllerPort, what: "kafka controller" },
  ]);

  const dataDir = resolve(opts.dataDir);
  const logsDir = join(dataDir, "logs");
  const propsPath = join(dataDir, "server.properties");
  const kraftDir = join(dataDir, "kraft-data");
  await mkdir(logsDir, { recursive: true });
  await writeFile(propsPath, renderKafkaServerProperties({ ...opts, logDirs: kraftDir }));
  const jvm = [
    "-cp",
    install.classpath,
    `-Dlog4j2.configurationFile=${install.log4jConfig}`,
    `-Dkafka.logs.dir=${logsDir}`,
  ];

  if (!existsSync(join(kraftDir, "meta.properties"))) {
    log.info("formatting storage", { dir: kraftDir });
    await runChecked({
      what: "formatting kafka storage",
      name: "kafka-storage",
      command: java,
      // -g (--ignore-formatted) keeps this harmless if a previous format was interrupted after writing.
      args: [...jvm, "kafka.tools.StorageTool", "format", "-t", randomKafkaClusterId(), "-c", propsPath, "-g"],
      output: { kind: "lines", onLine: () => undefined },
    });
  }

  const started = Date.now();
  const brokers = `127.0.0.1:${opts.port}`;
  const stdoutLog = join(logsDir, "stdout.log");
  const broker = spawnGroup({
    name: "kafka",
    command: java,
    args: [
      "-Xmx512m",
      "-XX:+UseG1GC",
      "-XX:+ExitOnOutOfMemoryError",
      "-Djava.awt.headless=true",
      ...jvm,
      "kafka.Kafka",
      propsPath,
    ],
    output: { kind: "file", path: stdoutLog },
    dieWithParent: true,
  });
  const died = broker.exited.then(async (exit) => {
    const tail = [await fileTail(stdoutLog), await fileTail(join(logsDir, "server.log"))].filter(Boolean).join("\n");
    throw new StackError(
      `kafka exited during start-up (code ${exit.code ?? exit.signal}); see ${logsDir}${tail ? `:\n${tail}` : ""}`,
    );
  });
  died.catch(() => undefined);

  try {
    const timeoutMs = opts.startTimeoutMs ?? 90_000;
    log.info("waiting for the broker port", { brokers });
    await waitForPort(opts.port, { timeoutMs, abandonWhen: died, what: `kafka to listen on ${brokers}` });
    log.info("waiting for metadata and group coordinators (kafkajs describeCluster, describeGroups)", { brokers });
    await waitUntil(() => kafkaIsReady(brokers), {
      what: `kafka on ${brokers} to answer describeCluster and describeGroups`,
      timeoutMs,
      abandonWhen: died,
    });
  } catch (err) {
    await broker.stop(5_000);
    throw err;
  }
  log.info("ready", { brokers, version: install.version, took: seconds(started) });

  return {
    brokers,
    pid: broker.pid,
    exited: broker.exited,
    stop: async () => {
      const stopping = Date.now();
      await broker.stop(STOP_TIMEOUT_MS);
      log.info("stopped", { took: seconds(stopping) });
    },
  };
}
