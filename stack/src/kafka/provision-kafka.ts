import { createHash } from "node:crypto";
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cacheRoot } from "../provision/cache-dir";
import { requireTool } from "../provision/find-on-path";
import { installOnce } from "../provision/install-once";
import { renderKafkaLog4jConfig } from "./kafka-log4j-config";
import { renderKafkaPom, unusedSlf4jBinding } from "./kafka-pom";
import { seconds, type StackLog } from "../log";
import type { ProvisionOptions } from "../provision/provision-options";
import { startProgressTicker } from "../provision/progress-ticker";
import { runChecked } from "../processes/run-checked";

/**
 * The one Kafka version of the project: the local broker runs it from Maven Central jars
 * and docker-compose uses the `apache/kafka:${KAFKA_VERSION}` image.
 */
export const KAFKA_VERSION = "4.1.1";
const KAFKA_SCALA_VERSION = "2.13";
/** What the Kafka 4.1 release tarball ships in libs/. */
const KAFKA_LOG4J_VERSION = "2.24.3";

export type KafkaInstall = {
  version: string;
  /** A `java -cp` value: every jar in libs/. */
  classpath: string;
  log4jConfig: string;
};

export async function provisionKafka({ log, signal }: ProvisionOptions): Promise<KafkaInstall> {
  const dir = join(cacheRoot(), `kafka-${KAFKA_VERSION}`);
  const pom = renderKafkaPom(KAFKA_VERSION, KAFKA_LOG4J_VERSION, KAFKA_SCALA_VERSION);
  const log4j = renderKafkaLog4jConfig();
  const started = Date.now();
  const { built } = await installOnce({
    dir,
    stamp: `kafka ${KAFKA_VERSION} ${createHash("sha256").update(pom).update(log4j).digest("hex").slice(0, 16)}\n`,
    build: async (work) => {
      await writeFile(join(work, "log4j2.properties"), log4j);
      await downloadJars(work, pom, log, signal);
    },
  });
  if (built) log.info("kafka jars ready", { version: KAFKA_VERSION, took: seconds(started), dir });
  return { version: KAFKA_VERSION, classpath: join(dir, "libs", "*"), log4jConfig: join(dir, "log4j2.properties") };
}

async function downloadJars(work: string, pom: string, log: StackLog, signal?: AbortSignal): Promise<void> {
  requireTool("java", `to run Maven and the Kafka ${KAFKA_VERSION} broker (Java >= 17)`);
  const mvn = requireTool("mvn", `to download Kafka ${KAFKA_VERSION} from Maven Central (Maven >= 3.6)`);
  const pomPath = join(work, "pom.xml");
  const libs = join(work, "libs");
  await writeFile(pomPath, pom);
  log.info("downloading kafka jars from Maven Central (first run only)", { version: KAFKA_VERSION });
  let downloads = 0;
  const stopTicker = startProgressTicker(log, "kafka download", () => `${downloads} files downloaded`, 10_000);
  try {
    await runChecked({
      what: "downloading kafka jars with maven",
      signal,
      name: "mvn",
      command: mvn,
      // Not -q: the "Downloaded from" lines are counted for progress (and kept for errors), never printed.
      args: [
        "-B",
        "-f",
        pomPath,
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        `-DoutputDirectory=${libs}`,
      ],
      cwd: work,
      output: { kind: "lines", onLine: (line) => void (line.includes("Downloaded from") && (downloads += 1)) },
    });
  } finally {
    stopTicker();
  }
  const unused = unusedSlf4jBinding(await readdir(libs));
  // Two bindings on the classpath make SLF4J print a warning on every start.
  if (unused) await rm(join(libs, unused));
  await rm(pomPath);
}
