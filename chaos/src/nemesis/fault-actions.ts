import type { Kafka } from "kafkajs";
import type { RunNames } from "@bakery/bench/system/run-names";
import type { Fleet, Member, Role } from "../bakery/fleet";
import type { ServerControl } from "../bakery/servers";
import type { FaultPlan } from "../faults";
import type { SeededRandom } from "../seeded-random";
import { reproduceConsumed } from "./duplicates";

export type FaultContext = {
  fleet: Fleet;
  servers?: { kafka: ServerControl; ferretdb: ServerControl };
  kafka: Kafka;
  names: RunNames;
  rng: SeededRandom;
  /** One progress line. */
  say: (line: string) => void;
};

/** What one fault did: when it hit, when it was undone, and what it did in words. */
export type FaultOutcome = {
  injectedAt: number;
  healedAt: number;
  notes: string[];
  /** When the database or Kafka was down (503s are allowed then). */
  down?: { what: "database" | "kafka"; from: number; to: number };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pickLive(ctx: FaultContext, role: Role): Member {
  const live = ctx.fleet.live(role);
  if (live.length === 0) throw new Error(`no running ${role} process to hit`);
  return ctx.rng.pick(live);
}

/** Carries out one fault of the schedule and undoes it. */
export async function runFault(plan: FaultPlan, ctx: FaultContext): Promise<FaultOutcome> {
  await sleep(plan.delayMs);
  switch (plan.fault) {
    case 1:
    case 2: {
      const victim = pickLive(ctx, plan.fault === 1 ? "kitchen" : "web");
      const slot = victim.incarnation.slot;
      await ctx.fleet.kill9(victim);
      const injectedAt = Date.now();
      ctx.say(`  kill -9 ${slot}; back in ${plan.downMs / 1000} s`);
      await sleep(plan.downMs);
      await ctx.fleet.start(victim.incarnation.role, slot);
      return { injectedAt, healedAt: Date.now(), notes: [`kill -9 ${slot}, restarted after ${plan.downMs} ms`] };
    }
    case 3: {
      const before = ctx.fleet.live("kitchen");
      const injectedAt = Date.now();
      const third = await ctx.fleet.start("kitchen");
      ctx.say(`  ${third.incarnation.slot} joined the kitchen group`);
      await sleep(plan.joinedMs);
      const leaving = ctx.rng.pick(before.filter((m) => ctx.fleet.live("kitchen").includes(m)));
      await ctx.fleet.stop(leaving);
      ctx.say(`  ${leaving.incarnation.slot} left (SIGTERM)`);
      await sleep(plan.leftMs);
      // Every kitchen worker still running went through both rebalances.
      const victim = pickLive(ctx, "kitchen");
      await ctx.fleet.kill9(victim);
      ctx.say(`  kill -9 ${victim.incarnation.slot} (rebalanced twice); back in ${plan.downMs / 1000} s`);
      await sleep(plan.downMs);
      await ctx.fleet.start("kitchen", victim.incarnation.slot);
      return {
        injectedAt,
        healedAt: Date.now(),
        notes: [
          `${third.incarnation.slot} joined; ${plan.joinedMs} ms later ${leaving.incarnation.slot} left (SIGTERM); ` +
            `${plan.leftMs} ms later kill -9 ${victim.incarnation.slot}, restarted after ${plan.downMs} ms`,
        ],
      };
    }
    case 4:
    case 5: {
      const server = plan.fault === 4 ? ctx.servers?.kafka : ctx.servers?.ferretdb;
      if (!server) throw new Error(`fault ${plan.fault} needs the run's own servers`);
      const from = Date.now();
      if (plan.fault === 4) await server.kill9();
      else await server.stop();
      ctx.say(`  ${plan.fault === 4 ? "kill -9 kafka" : "ferretdb stopped"}; back in ${plan.downMs / 1000} s`);
      await sleep(plan.downMs);
      await server.start();
      const to = Date.now();
      return {
        injectedAt: from,
        healedAt: to,
        notes: [`${plan.fault === 4 ? "kafka killed" : "database stopped"}; answering again after ${to - from} ms`],
        down: { what: plan.fault === 4 ? "kafka" : "database", from, to },
      };
    }
    case 6: {
      const victim = pickLive(ctx, plan.station);
      ctx.fleet.freeze(victim);
      const injectedAt = Date.now();
      ctx.say(`  SIGSTOP ${victim.incarnation.slot} for ${plan.frozenMs / 1000} s`);
      await sleep(plan.frozenMs);
      ctx.fleet.thaw(victim);
      return { injectedAt, healedAt: Date.now(), notes: [`${victim.incarnation.slot} frozen ${plan.frozenMs} ms`] };
    }
    case 7: {
      const injectedAt = Date.now();
      const again = async (topic: string, groupId: string) =>
        reproduceConsumed({
          kafka: ctx.kafka,
          topic,
          groupId,
          count: plan.messages,
          readerGroupId: `${ctx.names.groups.waiter}-replay-${injectedAt}-${topic.length}`,
          timeoutMs: 20_000,
        });
      const foods = await again(ctx.names.topics.foods, ctx.names.groups.kitchen);
      const balcony = await again(ctx.names.topics.balcony, ctx.names.groups.waiter);
      ctx.say(`  produced again: ${foods} foods and ${balcony} balcony messages already consumed`);
      return {
        injectedAt,
        healedAt: Date.now(),
        notes: [`${foods} foods and ${balcony} balcony messages produced again`],
      };
    }
  }
}
