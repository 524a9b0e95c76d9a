/**
 * log4j2 configuration for the local broker: WARN and above only, into
 * `${sys:kafka.logs.dir}/server.log` (the broker's data dir), nothing on the console,
 * so `npm start` output stays about the bakery. `kafka.logs.dir` is the system
 * property Kafka's own scripts set, passed by kafka-broker.ts.
 */
export function renderKafkaLog4jConfig(level = "WARN"): string {
  return [
    "status = warn",
    "name = bakery-local-kafka",
    "appender.file.type = File",
    "appender.file.name = file",
    "appender.file.fileName = ${sys:kafka.logs.dir}/server.log",
    "appender.file.layout.type = PatternLayout",
    "appender.file.layout.pattern = [%d] %p %m (%c)%n",
    `rootLogger.level = ${level}`,
    "rootLogger.appenderRef.file.ref = file",
    "",
  ].join("\n");
}
