import { describe, expect, it } from "vitest";
import { randomKafkaClusterId, renderKafkaServerProperties } from "./kafka-server-properties";

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .trim()
      .split("\n")
      .map((line) => line.split("=", 2) as [string, string]),
  );
}

describe("renderKafkaServerProperties", () => {
  const props = parse(renderKafkaServerProperties({ port: 19092, controllerPort: 19093, logDirs: "/data/kraft" }));

  it("runs one combined broker+controller on loopback", () => {
    expect(props.get("process.roles")).toBe("broker,controller");
    expect(props.get("controller.quorum.voters")).toBe("1@127.0.0.1:19093");
    expect(props.get("listeners")).toBe("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
    expect(props.get("advertised.listeners")).toBe("PLAINTEXT://127.0.0.1:19092");
    expect(props.get("log.dirs")).toBe("/data/kraft");
  });

  it("lets internal topics exist on a single broker", () => {
    for (const key of [
      "offsets.topic.replication.factor",
      "transaction.state.log.replication.factor",
      "transaction.state.log.min.isr",
      "share.coordinator.state.topic.replication.factor",
      "share.coordinator.state.topic.min.isr",
    ]) {
      expect(props.get(key), key).toBe("1");
    }
  });

  it("is tuned for fast tests", () => {
    expect(props.get("group.initial.rebalance.delay.ms")).toBe("0");
    expect(props.get("num.partitions")).toBe("6");
  });

  it("escapes backslashes in paths", () => {
    expect(renderKafkaServerProperties({ port: 1, controllerPort: 2, logDirs: "C:\\kafka" })).toContain(
      "log.dirs=C:\\\\kafka",
    );
  });
});

describe("randomKafkaClusterId", () => {
  it("is 22 URL-safe base64 characters", () => {
    expect(randomKafkaClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("never starts with a dash, which Kafka's CLI would read as a flag", () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 0x01)];
    expect(randomKafkaClusterId(() => draws.shift() ?? Buffer.alloc(16))).toBe(
      Buffer.alloc(16, 0x01).toString("base64url"),
    );
  });
});
