/**
 * A throwaway POM whose only purpose is to let `mvn dependency:copy-dependencies`
 * gather the broker's runtime classpath from Maven Central.
 *
 * The core POM leaves out the logging backend that the release tarball ships, and
 * without it the broker logs nothing at all. Both SLF4J bindings are listed because
 * the right one depends on the slf4j-api version Kafka resolves to (1.7.x for 4.0-4.1);
 * the provisioner deletes the one that does not match.
 */
export function renderKafkaPom(kafkaVersion: string, log4jVersion: string, scalaVersion = "2.13"): string {
  const dep = (groupId: string, artifactId: string, version: string) =>
    `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.bakery-saga</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>${kafkaVersion}</version>
  <packaging>pom</packaging>
  <dependencies>
${[
  dep("org.apache.kafka", `kafka_${scalaVersion}`, kafkaVersion),
  dep("org.apache.logging.log4j", "log4j-api", log4jVersion),
  dep("org.apache.logging.log4j", "log4j-core", log4jVersion),
  dep("org.apache.logging.log4j", "log4j-slf4j-impl", log4jVersion),
  dep("org.apache.logging.log4j", "log4j-slf4j2-impl", log4jVersion),
].join("\n")}
  </dependencies>
</project>
`;
}

/** The SLF4J binding jar that does not fit the resolved slf4j-api, or undefined if unsure. */
export function unusedSlf4jBinding(jarNames: readonly string[]): string | undefined {
  const api = jarNames.find((name) => /^slf4j-api-\d/.test(name));
  if (!api) return undefined;
  const apiIsV2 = /^slf4j-api-2\./.test(api);
  return jarNames.find((name) => (apiIsV2 ? /^log4j-slf4j-impl-/ : /^log4j-slf4j2-impl-/).test(name));
}
