// The production deployment files (docker-compose.yml and the three Dockerfiles), checked without a
// Docker engine: parsed and compared with what the code and the local stack actually use.
import { existsSync, readFileSync } from "node:fs";
import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KAFKA_VERSION } from "../src/kafka/provision-kafka";

const root = new URL("../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");
const exists = (path: string): boolean => existsSync(new URL(path, root));

type Env = Record<string, string>;

type Service = {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target?: number | string; published?: number | string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  restart?: string;
  volumes?: (string | { type?: string; source?: string; target?: string })[];
};

type Compose = {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};

// Compose resolves `<<: *anchor` merge keys; the yaml package only does when asked.
const compose = parse(read("docker-compose.yml"), { merge: true }) as Compose;
const services = compose.services;

const APPS = ["web", "kitchen-worker", "bar-worker"] as const;
type App = (typeof APPS)[number];

/** Env vars each app must get from compose: required by its code or by the production setup. */
const REQUIRED_ENV: Record<App, string[]> = {
  web: ["KAFKA_BROKERS", "MONGODB_URL", "STAFF_PASSWORD", "SESSION_SECRET", "PORT"],
  "kitchen-worker": ["KAFKA_BROKERS", "MONGODB_URL", "KITCHEN_COOKS"],
  "bar-worker": ["KAFKA_BROKERS", "MONGODB_URL", "BAR_BARTENDERS"],
};

/** Where each app parses its environment (service-specific names on top of the shared ones). */
const ENV_FILES: Record<App, string> = {
  web: "web/src/server/env.ts",
  "kitchen-worker": "kitchen-worker/src/env.ts",
  "bar-worker": "bar-worker/src/env.ts",
};

/** Read by Node, Next.js or the image rather than by an env.ts. */
const RUNTIME_ENV: Record<App, string[]> = {
  web: ["NODE_ENV", "PORT", "NEXT_TELEMETRY_DISABLED"],
  "kitchen-worker": ["NODE_ENV"],
  "bar-worker": ["NODE_ENV"],
};

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function envOf(name: string): Env {
  const environment = service(name).environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const eq = entry.indexOf("=");
        return eq < 0 ? [entry, ""] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value == null ? "" : String(value)]),
  );
}

/**
 * The value a container sees when the host sets none of the referenced variables: `${X:-default}` gives the
 * default, `${X:?error}` makes compose refuse to start (a stand-in here), a bare `${X}` is empty.
 */
function interpolate(value: string): string {
  return value
    .replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g,
      (_match, _name: string, fallback?: string) => fallback ?? "",
    )
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}/g, "set-by-the-operator")
    .replace(/\$\$/g, "$");
}

function healthcheckCommand(name: string): string {
  const check = service(name).healthcheck;
  if (!check || check.disable) return "";
  const test = check.test ?? [];
  if (typeof test === "string") return test;
  if (test[0] === "NONE") return "";
  return test.slice(1).join(" ");
}

/** "PLAINTEXT://kafka:9092,CONTROLLER://:9093" -> { PLAINTEXT: "kafka:9092", CONTROLLER: ":9093" } */
function listeners(value: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (value ?? "")
      .split(",")
      .map((listener) => listener.trim())
      .filter(Boolean)
      .map((listener) => {
        const match = /^([A-Za-z0-9_]+):\/\/(.*)$/.exec(listener);
        if (!match) throw new Error(`not a listener: ${listener}`);
        return [match[1]!, match[2]!];
      }),
  );
}

/** "3000:3000", "127.0.0.1:3000:3000/tcp" or { published, target } -> [{ published, target }] */
function portMappings(name: string): { published: string; target: string }[] {
  return (service(name).ports ?? []).map((port) => {
    if (typeof port === "object") return { published: String(port.published ?? ""), target: String(port.target ?? "") };
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, "")
      .split(":");
    const target = parts.pop() ?? "";
    return { published: parts.pop() ?? "", target };
  });
}

/** Names an env.ts declares (`NAME: z...`) or reads (`process.env.NAME`). */
function declaredEnvNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)) names.add(match[1]!);
  for (const match of source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1]!);
  return names;
}

type Instruction = {
  keyword: string;
  args: string;
};

/** A Dockerfile as instructions: comments and parser directives dropped, `\` continuations joined. */
function dockerfileInstructions(text: string): Instruction[] {
  const logical = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\r?\n/g, " ");
  return logical
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.search(/\s/);
      return space < 0
        ? { keyword: line.toUpperCase(), args: "" }
        : { keyword: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

/** The instructions of each stage, in order. */
function dockerfileStages(instructions: Instruction[]): { from: string; name?: string; body: Instruction[] }[] {
  const stages: { from: string; name?: string; body: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === "FROM") {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith("--"));
      const as = words.findIndex((word) => word.toUpperCase() === "AS");
      stages.push({ from: words[0] ?? "", name: as >= 0 ? words[as + 1] : undefined, body: [] });
    } else {
      stages.at(-1)?.body.push(instruction);
    }
  }
  return stages;
}

describe("docker-compose.yml", () => {
  it("has the backing services and the three apps", () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(["kafka", "mongo", "web", "kitchen-worker", "bar-worker"]),
    );
  });

  describe("kafka", () => {
    const env = envOf("kafka");

    it("runs the Kafka version the local stack pins", () => {
      expect(KAFKA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
      expect(service("kafka").image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    });

    it("is a single-node KRaft cluster: one broker that is also the controller", () => {
      expect(
        env.KAFKA_PROCESS_ROLES?.split(",")
          .map((role) => role.trim())
          .sort(),
      ).toEqual(["broker", "controller"]);
      const nodeId = env.KAFKA_NODE_ID;
      expect(nodeId).toMatch(/^\d+$/);
      const voters = (env.KAFKA_CONTROLLER_QUORUM_VOTERS ?? "").split(",").filter(Boolean);
      expect(voters).toHaveLength(1);
      expect(voters[0]).toMatch(new RegExp(`^${nodeId}@[^:]+:\\d+$`));

      const controllerName = env.KAFKA_CONTROLLER_LISTENER_NAMES ?? "";
      const bound = listeners(env.KAFKA_LISTENERS);
      expect(Object.keys(bound)).toContain(controllerName);
      expect(voters[0]!.split(":").at(-1)).toBe(bound[controllerName]!.split(":").at(-1));
      // Every listener needs a security protocol.
      const protocols = listeners(
        (env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP ?? "")
          .split(",")
          .map((entry) => entry.replace(":", "://"))
          .join(","),
      );
      for (const name of Object.keys(bound))
        expect(protocols[name], `security protocol of listener ${name}`).toBeTruthy();
    });

    it("replicates its internal topics once (there is one broker) and makes 6 partitions by default", () => {
      expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe("1");
      expect(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe("1");
      expect(env.KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR).toBe("1");
      expect(env.KAFKA_NUM_PARTITIONS).toBe("6");
    });

    it("keeps its data in a named volume", () => {
      const dataDir = env.KAFKA_LOG_DIRS;
      expect(dataDir).toBeTruthy();
      const mounts = (service("kafka").volumes ?? []).map(String);
      const volume = mounts.find((mount) => mount.split(":")[1] === dataDir)?.split(":")[0];
      expect(volume, `a volume mounted on ${dataDir}`).toBeTruthy();
      expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    });

    it("has a healthcheck that talks to the broker", () => {
      expect(healthcheckCommand("kafka")).toMatch(
        /kafka-(broker-api-versions|topics)\.sh .*--bootstrap-server localhost:9092/,
      );
    });
  });

  describe("mongo", () => {
    const mongo = service("mongo");
    const command = typeof mongo.command === "string" ? mongo.command.split(/\s+/) : (mongo.command ?? []);
    const replSet = command[command.indexOf("--replSet") + 1];

    it("runs the official image, pinned to a major version that ships mongosh", () => {
      const match = /^mongo:(\d+)(\.\d+)?$/.exec(mongo.image ?? "");
      expect(match, `image ${mongo.image}`).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(6);
    });

    it("runs as a single-node replica set that its healthcheck initiates with a name the other containers resolve", () => {
      expect(command).toContain("--replSet");
      expect(replSet).toBe("rs0");
      const check = healthcheckCommand("mongo");
      expect(check).toContain("mongosh");
      expect(check).toContain("rs.initiate");
      expect(check).toContain(`_id: '${replSet}'`);
      expect(check).toContain("host: 'mongo:27017'");
    });

    it("keeps its data in a named volume", () => {
      const mounts = (mongo.volumes ?? []).map(String);
      const volume = mounts.find((mount) => mount.split(":")[1] === "/data/db")?.split(":")[0];
      expect(volume, "a volume mounted on /data/db").toBeTruthy();
      expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    });

    it("is the server every app's MONGODB_URL points at, with the replica set name", () => {
      for (const app of APPS) {
        const url = new URL(envOf(app).MONGODB_URL ?? "");
        expect(url.protocol, app).toBe("mongodb:");
        expect(url.hostname, app).toBe("mongo");
        expect(url.port || "27017", app).toBe("27017");
        expect(url.searchParams.get("replicaSet"), app).toBe(replSet);
      }
    });
  });

  describe.each(APPS)("%s", (app) => {
    const env = envOf(app);

    it("is built from its own Dockerfile with the repo root as context", () => {
      const build = service(app).build;
      expect(typeof build).toBe("object");
      const { context, dockerfile } = build as { context?: string; dockerfile?: string };
      expect([".", "./"]).toContain(context);
      expect(dockerfile).toBe(`${app}/Dockerfile`);
      expect(exists(`${app}/Dockerfile`)).toBe(true);
    });

    it("gets every env var it requires", () => {
      for (const name of REQUIRED_ENV[app]) expect(env[name], `${app} ${name}`).toBeTruthy();
      // ...and whatever the shared env shape requires, should it grow.
      const requiredCommon = Object.entries(commonEnvShape)
        .filter(([, schema]) => !schema.safeParse(undefined).success)
        .map(([name]) => name);
      expect(requiredCommon).toEqual(expect.arrayContaining(["KAFKA_BROKERS", "MONGODB_URL"]));
      for (const name of requiredCommon) expect(env[name], `${app} ${name}`).toBeTruthy();
    });

    it("gets values the shared env schema accepts", () => {
      const resolved = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, interpolate(value)]));
      expect(() => parseEnv(commonEnvShape, resolved)).not.toThrow();
    });

    it("gets no env var its code does not know (a typo would silently fall back to a default)", () => {
      const known = new Set([...Object.keys(commonEnvShape), ...RUNTIME_ENV[app], ...REQUIRED_ENV[app]]);
      const envFile = ENV_FILES[app];
      if (exists(envFile)) for (const name of declaredEnvNames(read(envFile))) known.add(name);
      expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    });

    it("reaches Kafka on the kafka service's internal listener", () => {
      const kafkaEnv = envOf("kafka");
      const advertised = listeners(kafkaEnv.KAFKA_ADVERTISED_LISTENERS);
      const controllers = (kafkaEnv.KAFKA_CONTROLLER_LISTENER_NAMES ?? "").split(",");
      const internal = Object.entries(advertised)
        .filter(([name]) => !controllers.includes(name))
        .map(([, address]) => address);
      expect(internal).toContain("kafka:9092");
      const brokers = (env.KAFKA_BROKERS ?? "").split(",").map((broker) => broker.trim());
      expect(brokers.length).toBeGreaterThan(0);
      for (const broker of brokers) expect(internal).toContain(broker);
    });

    it("starts once Kafka and MongoDB are healthy, and restarts unless stopped", () => {
      const dependsOn = service(app).depends_on;
      expect(Array.isArray(dependsOn), "depends_on in its long form (with conditions)").toBe(false);
      const conditions = dependsOn as Record<string, { condition?: string }>;
      expect(conditions.kafka?.condition).toBe("service_healthy");
      expect(conditions.mongo?.condition).toBe("service_healthy");
      expect(service(app).restart).toBe("unless-stopped");
    });
  });

  describe("web", () => {
    const env = envOf("web");

    it("requires STAFF_PASSWORD from the operator instead of shipping one", () => {
      expect(env.STAFF_PASSWORD).toMatch(/^\$\{STAFF_PASSWORD:\?[^}]*\}$/);
    });

    it("publishes port 3000, where the app listens", () => {
      expect(env.PORT).toBe("3000");
      expect(portMappings("web")).toContainEqual({ published: "3000", target: env.PORT });
    });

    it("has a healthcheck on /api/health", () => {
      const check = healthcheckCommand("web");
      expect(check).toMatch(/(localhost|127\.0\.0\.1):3000\/api\/health/);
    });

    it("is the only service published on the host (besides the optional Prometheus, on loopback)", () => {
      for (const name of Object.keys(services).filter((name) => name !== "web" && name !== "prometheus"))
        expect(portMappings(name), name).toEqual([]);
      expect(service("prometheus").ports).toEqual(["127.0.0.1:9090:9090"]);
    });
  });

  it("gives each app its own database", () => {
    const databases = [
      envOf("web").WAITER_DB ?? "waiter",
      envOf("kitchen-worker").KITCHEN_DB ?? "kitchen",
      envOf("bar-worker").BAR_DB ?? "bar",
    ];
    expect(new Set(databases).size).toBe(3);
  });
});

describe.each(APPS)("%s/Dockerfile", (app) => {
  const path = `${app}/Dockerfile`;
  const instructions = exists(path) ? dockerfileInstructions(read(path)) : [];
  const stages = dockerfileStages(instructions);
  const runtime = stages.at(-1);

  it("exists", () => {
    expect(exists(path)).toBe(true);
  });

  it("is multi-stage on the Node 20 slim image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const names = new Set<string>();
    for (const stage of stages) {
      // Each stage starts from the pinned base or from an earlier stage.
      expect(stage.from === "node:20-bookworm-slim" || names.has(stage.from), `FROM ${stage.from}`).toBe(true);
      if (stage.name) names.add(stage.name);
    }
  });

  it("installs from the lockfile with npm ci, after copying every workspace's package.json", () => {
    const workspaces = (JSON.parse(read("package.json")) as { workspaces: string[] }).workspaces;
    const all = stages.flatMap((stage) => stage.body);
    const firstCi = all.findIndex(
      (instruction) => instruction.keyword === "RUN" && /\bnpm ci\b/.test(instruction.args),
    );
    expect(firstCi).toBeGreaterThanOrEqual(0);
    const copiedBefore = all
      .slice(0, firstCi)
      .filter((instruction) => instruction.keyword === "COPY")
      .map((instruction) => instruction.args);
    expect(copiedBefore.join(" ")).toContain("package-lock.json");
    for (const workspace of workspaces)
      expect(copiedBefore.join(" "), workspace).toContain(`${workspace}/package.json`);
  });

  it("runs in production mode as a non-root user, with an exec-form CMD", () => {
    const body = runtime?.body ?? [];
    const user = body.filter((instruction) => instruction.keyword === "USER").at(-1)?.args;
    expect(user).toBeTruthy();
    expect(["root", "0"]).not.toContain(user?.split(":")[0]);
    expect(
      body.some((instruction) => instruction.keyword === "ENV" && /\bNODE_ENV=production\b/.test(instruction.args)),
    ).toBe(true);
    const cmd = body.filter((instruction) => instruction.keyword === "CMD").at(-1)?.args ?? "";
    expect(() => JSON.parse(cmd) as unknown).not.toThrow();
    expect(Array.isArray(JSON.parse(cmd))).toBe(true);
  });

  it("starts the right program", () => {
    const cmd = JSON.parse(
      runtime?.body.filter((instruction) => instruction.keyword === "CMD").at(-1)?.args ?? "[]",
    ) as string[];
    const workdir = runtime?.body.filter((instruction) => instruction.keyword === "WORKDIR").at(-1)?.args;
    expect(workdir).toBe(`/app/${app}`);
    if (app === "web") expect(cmd.join(" ")).toMatch(/next start$/);
    else expect(cmd.join(" ")).toMatch(/tsx src\/main\.ts$/);
  });
});

describe(".dockerignore", () => {
  it("keeps host installs, build output and git history out of the build context", () => {
    const patterns = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.replace(/^\*\*\//, ""));
    for (const expected of [
      "node_modules",
      ".next",
      ".stack",
      ".turbo",
      "test-results",
      "playwright-report",
      "bench/results",
      ".git",
    ]) {
      expect(patterns, expected).toContain(expected);
    }
  });
});
