import { describe, expect, it } from "vitest";
import { DEV_DEFAULTS, readExternalStack, readLocalStackConfig, readPorts, TEST_DEFAULT_PORTS } from "./stack-config";

describe("readLocalStackConfig", () => {
  it("uses the dev defaults without env", () => {
    expect(readLocalStackConfig({})).toEqual(DEV_DEFAULTS);
  });

  it("reads STACK_* overrides", () => {
    const config = readLocalStackConfig({
      STACK_KAFKA_PORT: "1",
      STACK_KAFKA_CONTROLLER_PORT: "2",
      STACK_MONGO_PORT: "3",
      STACK_DATA_DIR: "/x",
    });
    expect(config).toEqual({ kafkaPort: 1, kafkaControllerPort: 2, mongoPort: 3, dataDir: "/x" });
  });

  it("rejects a port that is not a port, naming the variable", () => {
    expect(() => readLocalStackConfig({ STACK_MONGO_PORT: "70000" })).toThrow(/STACK_MONGO_PORT=70000/);
  });
});

describe("readPorts", () => {
  it("keeps test ports apart from dev ports under their own prefix", () => {
    expect(readPorts({ STACK_KAFKA_PORT: "1" }, TEST_DEFAULT_PORTS, "STACK_TEST_")).toEqual(TEST_DEFAULT_PORTS);
    expect(readPorts({ STACK_TEST_KAFKA_PORT: "1" }, TEST_DEFAULT_PORTS, "STACK_TEST_").kafkaPort).toBe(1);
  });
});

describe("readExternalStack", () => {
  it("is used only when both variables are set", () => {
    expect(readExternalStack({})).toBeUndefined();
    expect(readExternalStack({ KAFKA_BROKERS: "k:9092", MONGODB_URL: "mongodb://m/" })).toEqual({
      KAFKA_BROKERS: "k:9092",
      MONGODB_URL: "mongodb://m/",
    });
  });

  it("reports half an external stack instead of silently starting a local one", () => {
    expect(() => readExternalStack({ KAFKA_BROKERS: "k:9092" })).toThrow(/only KAFKA_BROKERS is set/);
  });
});
