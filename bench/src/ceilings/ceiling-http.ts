import { randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Db } from "mongodb";
import type { Producer } from "kafkajs";
import { PlaceOrderRequest } from "@bakery/shared/api";
import type { ItemOrdered } from "@bakery/shared/events";
import { MENU_SEED } from "@bakery/shared/menu";
import { createMicroBatcher } from "@bakery/shared/micro-batcher";
import { isDuplicateKeyError } from "@bakery/shared/mongo";
import type { OrderRecord } from "@bakery/shared/order";
import { buildBareOrder, orderPlacedOf } from "./raw-messages";
import { createRawSender } from "./raw-producer";

const MAX_BODY_BYTES = 16 * 1024;
const PICKUP_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY234679";
const PICKUP_ATTEMPTS = 8;

type OutboxDoc = { _id: string; createdAt: Date; messages: ItemOrdered[] };
type OrderDoc = Omit<OrderRecord, "id"> & { _id: string; pickupKey: string };

/**
 * The HTTP ceiling: a bare node:http server that does what POST /api/orders does and
 * nothing else. Same zod validation (`PlaceOrderRequest`), same two inserts in the same
 * order (outbox, then the order with its unique pickup key) into the same database
 * server with the same indexes, 201 after the inserts, then the same produce (foods,
 * drinks, OrderPlaced; acks = all, micro-batched) and the outbox entry removed.
 */
export async function createBareOrderServer(deps: {
  db: Db;
  producer: Producer;
  topics: { foods: string; drinks: string; orderUpdates: string };
}): Promise<Server> {
  const menu = new Map(MENU_SEED.map((item) => [item.id, item]));
  const outbox = deps.db.collection<OutboxDoc>("outbox");
  const orders = deps.db.collection<OrderDoc>("orders");
  await Promise.all([
    orders.createIndex({ pickupKey: 1 }, { unique: true }),
    orders.createIndex({ placedAt: -1 }),
    outbox.createIndex({ createdAt: 1 }),
  ]);
  const sender = createRawSender(deps.producer);
  const removeFromOutbox = createMicroBatcher<string, void>(async (ids) => {
    await outbox.deleteMany({ _id: { $in: ids } });
    return ids.map(() => undefined);
  });

  async function place(body: string): Promise<{ status: number; json: unknown }> {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { status: 400, json: { error: { code: "VALIDATION", message: "Body is not valid JSON" } } };
    }
    const parsed = PlaceOrderRequest.safeParse(json);
    if (!parsed.success)
      return {
        status: 400,
        json: { error: { code: "VALIDATION", message: parsed.error.issues[0]?.message ?? "invalid" } },
      };
    const orderId = randomBytes(16).toString("base64url");
    const now = Date.now();
    const built = buildBareOrder({
      orderId,
      customerName: parsed.data.customerName,
      lines: parsed.data.items,
      menu,
      now,
      pickupCode: pickupCode(),
    });
    if (!built) return { status: 422, json: { error: { code: "UNKNOWN_ITEM", message: "not on the menu" } } };
    await outbox.insertOne({ _id: orderId, createdAt: new Date(now), messages: built.messages });
    const day = built.record.placedAt.slice(0, 10);
    let record = built.record;
    for (let attempt = 1; ; attempt++) {
      const { id, ...rest } = record;
      try {
        await orders.insertOne({ _id: id, pickupKey: `${day}:${record.pickupCode}`, ...rest });
        break;
      } catch (err) {
        if (!isDuplicateKeyError(err) || attempt >= PICKUP_ATTEMPTS) throw err;
        record = { ...record, pickupCode: pickupCode() };
      }
    }
    const [food, drink] = built.messages;
    void Promise.all([
      sender.send({ topic: deps.topics.foods, key: orderId, value: JSON.stringify(food) }),
      sender.send({ topic: deps.topics.drinks, key: orderId, value: JSON.stringify(drink) }),
      sender.send({ topic: deps.topics.orderUpdates, key: orderId, value: JSON.stringify(orderPlacedOf(record)) }),
    ])
      .then(() => removeFromOutbox.add(orderId))
      .catch(() => undefined);
    return { status: 201, json: record };
  }

  return createServer((req, res) => {
    const reply = (status: number, json: unknown) => {
      const text = JSON.stringify(json);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method === "GET" && req.url === "/health") return reply(200, { status: "ok" });
    if (req.method !== "POST" || req.url !== "/api/orders")
      return reply(404, { error: { code: "NOT_FOUND", message: "no route" } });
    if (!req.headers["content-type"]?.includes("application/json"))
      return reply(415, { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "JSON only" } });
    readBody(req)
      .then((body) =>
        body === undefined
          ? { status: 413, json: { error: { code: "PAYLOAD_TOO_LARGE", message: "too large" } } }
          : place(body),
      )
      .then(({ status, json }) => reply(status, json))
      .catch(() => reply(500, { error: { code: "INTERNAL", message: "Something went wrong" } }));
  });
}

const pickupCode = () => Array.from({ length: 4 }, () => PICKUP_ALPHABET[randomInt(PICKUP_ALPHABET.length)]).join("");

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
