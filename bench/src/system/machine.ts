import { cpus, release, totalmem } from "node:os";
import { FERRETDB_VERSION } from "@bakery/stack/ferretdb/provision-ferretdb";
import { KAFKA_VERSION } from "@bakery/stack/kafka/provision-kafka";
import { fdLimitsOf } from "./fd-limit";

export type Machine = {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kafka: string;
  ferretdb: string;
  fdLimit: { soft: number; hard: number };
  kernel: string;
};

/** What the figures were measured on; Kafka and FerretDB versions are the stack's constants. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kafka: KAFKA_VERSION,
    ferretdb: FERRETDB_VERSION,
    fdLimit: fdLimitsOf("self"),
    kernel: release(),
  };
}
