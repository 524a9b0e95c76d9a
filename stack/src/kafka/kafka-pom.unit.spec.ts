import { describe, expect, it } from "vitest";
import { renderKafkaPom, unusedSlf4jBinding } from "./kafka-pom";

describe("renderKafkaPom", () => {
  it("asks for the broker and the logging backend the tarball ships", () => {
    const pom = renderKafkaPom("4.1.1", "2.24.3");
    expect(pom).toContain("<artifactId>kafka_2.13</artifactId><version>4.1.1</version>");
    for (const artifact of ["log4j-api", "log4j-core", "log4j-slf4j-impl", "log4j-slf4j2-impl"]) {
      expect(pom).toContain(`<artifactId>${artifact}</artifactId><version>2.24.3</version>`);
    }
  });
});

describe("unusedSlf4jBinding", () => {
  const bindings = ["log4j-slf4j-impl-2.24.3.jar", "log4j-slf4j2-impl-2.24.3.jar"];

  it("drops the slf4j 2 binding when Kafka resolves slf4j-api 1.7", () => {
    expect(unusedSlf4jBinding(["slf4j-api-1.7.36.jar", ...bindings])).toBe("log4j-slf4j2-impl-2.24.3.jar");
  });

  it("drops the slf4j 1 binding when Kafka resolves slf4j-api 2", () => {
    expect(unusedSlf4jBinding(["slf4j-api-2.0.17.jar", ...bindings])).toBe("log4j-slf4j-impl-2.24.3.jar");
  });

  it("keeps everything when slf4j-api is absent", () => {
    expect(unusedSlf4jBinding(bindings)).toBeUndefined();
  });
});
