import { MongoClient } from "mongodb";
import type { RunNames } from "@bakery/bench/system/run-names";
import type { OrderView } from "@bakery/shared/order";

/**
 * What the databases say about the items of an order that did not finish, in a few words for
 * its problem line: the waiter's outbox entry, and per item its station's ticket, claims and
 * outcome. Reads by `_id` only.
 */
export async function diagnoseOrders(opts: {
  mongoUrl: string;
  names: RunNames;
  views: readonly OrderView[];
}): Promise<Map<string, string>> {
  const client = await MongoClient.connect(opts.mongoUrl, { serverSelectionTimeoutMS: 30_000 });
  try {
    const waiter = client.db(opts.names.dbs.waiter);
    const station = (name: "KITCHEN" | "BAR") =>
      client.db(name === "KITCHEN" ? opts.names.dbs.kitchen : opts.names.dbs.bar);
    const out = new Map<string, string>();
    for (const view of opts.views) {
      const outbox = await waiter.collection<{ _id: string }>("outbox").findOne({ _id: view.id });
      const items: string[] = [];
      for (const item of view.items) {
        const db = station(item.station);
        const ticket = await db.collection<{ _id: string }>("tickets").findOne({ _id: item.itemId });
        const outcome = await db
          .collection<{ _id: string; outcome: string }>("completions")
          .findOne({ _id: item.itemId });
        const claims: string[] = [];
        for (let n = 1; n < 10; n++) {
          const claim = await db
            .collection<{ _id: string; worker: string; until: Date }>("preparations")
            .findOne({ _id: `${item.itemId}/${n}` });
          if (!claim) break;
          claims.push(`${n}:${claim.worker.slice(-8)} until ${claim.until.toISOString().slice(11, 23)}`);
        }
        items.push(
          `${item.itemId} ${item.status}: ticket ${ticket ? "yes" : "no"}, claims [${claims.join("; ")}], outcome ${outcome?.outcome ?? "none"}`,
        );
      }
      const timeline = view.timeline.map((entry) => entry.type).join(" > ");
      out.set(view.id, `outbox entry ${outbox ? "still there" : "gone"}; ${items.join("; ")}; timeline ${timeline}`);
    }
    return out;
  } finally {
    await client.close();
  }
}
