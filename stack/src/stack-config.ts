import { join, resolve } from "node:path";
import { REPO_ROOT } from "./repo-root";
import { StackError } from "./stack-errors";

export type StackPorts = {
  kafkaPort: number;
  kafkaControllerPort: number;
  mongoPort: number;
};

export type LocalStackConfig = StackPorts & {
  dataDir: string;
};

/** `npm start` / `npm run stack`: a persistent stack under the repo's .stack/. */
export const DEV_DEFAULTS: LocalStackConfig = {
  kafkaPort: 19092,
  kafkaControllerPort: 19093,
  mongoPort: 27117,
  dataDir: join(REPO_ROOT, ".stack"),
};

/** `npm test`: other ports, so tests run beside a running `npm start`. */
export const TEST_DEFAULT_PORTS: StackPorts = { kafkaPort: 29092, kafkaControllerPort: 29093, mongoPort: 27217 };

/** `STACK_KAFKA_PORT` etc. for the dev stack, `STACK_TEST_KAFKA_PORT` etc. for `npm test`'s. */
export function portEnvVars(prefix = "STACK_"): Record<keyof StackPorts, string> {
  return {
    kafkaPort: `${prefix}KAFKA_PORT`,
    kafkaControllerPort: `${prefix}KAFKA_CONTROLLER_PORT`,
    mongoPort: `${prefix}MONGO_PORT`,
  };
}

type Env = Record<string, string | undefined>;

export function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535)
    throw new StackError(`${name}=${raw} is not a TCP port (1-65535)`);
  return value;
}

export function readPorts(env: Env, defaults: StackPorts, prefix = "STACK_"): StackPorts {
  const names = portEnvVars(prefix);
  const port = (key: keyof StackPorts) => parsePort(names[key], env[names[key]], defaults[key]);
  return {
    kafkaPort: port("kafkaPort"),
    kafkaControllerPort: port("kafkaControllerPort"),
    mongoPort: port("mongoPort"),
  };
}

export function readLocalStackConfig(
  env: Env = process.env,
  defaults: LocalStackConfig = DEV_DEFAULTS,
): LocalStackConfig {
  const dataDir = env.STACK_DATA_DIR ? resolve(env.STACK_DATA_DIR) : defaults.dataDir;
  return { ...readPorts(env, defaults), dataDir };
}

export type ExternalStack = {
  KAFKA_BROKERS: string;
  MONGODB_URL: string;
};

/** Both must be given to skip the local stack: half a remote stack is a mistake worth reporting. */
export function readExternalStack(env: Env = process.env): ExternalStack | undefined {
  const { KAFKA_BROKERS, MONGODB_URL } = env;
  if (KAFKA_BROKERS && MONGODB_URL) return { KAFKA_BROKERS, MONGODB_URL };
  if (KAFKA_BROKERS || MONGODB_URL) {
    throw new StackError(
      `only ${KAFKA_BROKERS ? "KAFKA_BROKERS" : "MONGODB_URL"} is set: set both to use an external stack, or neither to start the local one`,
    );
  }
  return undefined;
}
