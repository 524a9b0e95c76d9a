import type { StackLog } from "./log";
import { startLocalStack, type LocalStack, type StartLocalStackOptions } from "./local-stack";
import { readExternalStack } from "./stack-config";

export type AcquiredStack =
  ({ kind: "external" } & Pick<LocalStack, "env" | "died" | "stop">) | ({ kind: "local" } & LocalStack);

/**
 * KAFKA_BROKERS + MONGODB_URL in the environment mean "use those" (CI services, a
 * docker-compose stack): nothing is started and stop() leaves them alone.
 */
export async function acquireStack(log: StackLog, local: StartLocalStackOptions): Promise<AcquiredStack> {
  const external = readExternalStack();
  if (external) {
    log.info("using the external stack from the environment", { ...external });
    return { kind: "external", env: external, died: new Promise(() => undefined), stop: async () => undefined };
  }
  return { kind: "local", ...(await startLocalStack({ ...local, log })) };
}
