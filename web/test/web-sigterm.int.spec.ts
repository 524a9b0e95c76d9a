import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { ItemQueued } from "@bakery/shared/events";
import { createKafka } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";
import { connectMongo } from "@bakery/shared/mongo";
import { sagaEnv } from "./harness/saga-env";
import { waitFor } from "./harness/wait-for";

const root = fileURLToPath(new URL("../../", import.meta.url));
// A session timeout far above the wait below: a process that dies without leaving its group shows.
const env = sagaEnv({ KAFKA_SESSION_TIMEOUT_MS: "45000" });
const children: ReturnType<typeof startWebProcess>[] = [];
const kafka = createKafka({
  brokers: env.KAFKA_BROKERS!.split(","),
  clientId: "sigterm-test",
  log: createLogger("silent"),
});

/** A web process's consumers (projector, feed, outbox), started as instrumentation.ts starts them. */
function startWebProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", "web/test/harness/web-consumers-main.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = waitFor("a web process started", async () => output.includes("web consumers started"), 60_000);
  return { child, started, exited, output: () => output };
}

afterAll(async () => {
  for (const { child, exited } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  }
});

it("hands the projector's partitions to another web process at once when one gets SIGTERM", async () => {
  const admin = kafka.admin();
  await admin.connect();
  const { client, db } = await connectMongo(env.MONGODB_URL!, env.WAITER_DB!);
  try {
    children.push(startWebProcess());
    await children[0]!.started;
    children.push(startWebProcess());
    await children[1]!.started;
    await waitFor("both projectors in the group", async () => {
      const [group] = (await admin.describeGroups([env.WAITER_GROUP_ID!])).groups;
      return group?.state === "Stable" && group.members.length === 2;
    });

    children[0]!.child.kill("SIGTERM");
    // One event per partition, so whichever partitions the stopped process held get one.
    const partitions = (await admin.fetchTopicMetadata({ topics: [env.TOPIC_BALCONY!] })).topics[0]!.partitions;
    const events = partitions.map(({ partitionId }) =>
      ItemQueued.parse({
        id: `sigterm-${partitionId}.queued`,
        type: "ItemQueued",
        version: 1,
        occurredAt: new Date().toISOString(),
        orderId: `sigterm-${partitionId}`,
        data: {
          itemId: `sigterm-${partitionId}.1`,
          menuItemId: 1,
          name: "Croissant",
          station: "KITCHEN",
          expectedReadyAt: new Date().toISOString(),
          position: 0,
        },
      }),
    );
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: env.TOPIC_BALCONY!,
      messages: events.map((event, i) => ({
        partition: partitions[i]!.partitionId,
        key: event.orderId,
        value: JSON.stringify(event),
      })),
    });
    await producer.disconnect();

    const stored = db.collection<{ _id: string }>("order_events");
    await waitFor(
      "every partition's event stored by the remaining web process",
      async () => (await Promise.all(events.map((e) => stored.findOne({ _id: e.id })))).every(Boolean),
      15_000,
    );
    // It stopped itself in order (exit 143), not killed by the signal's default action.
    await children[0]!.exited;
    expect(children[0]!.child.exitCode).toBe(143);
  } finally {
    await admin.disconnect();
    await client.close();
  }
}, 120_000);
