import { Kafka, logLevel } from "kafkajs";

/** How many members a consumer group has once it is stable (0 while it rebalances). */
export async function stableGroupMembers(brokers: string, groupId: string): Promise<number> {
  const admin = new Kafka({ brokers: brokers.split(","), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    return group?.state === "Stable" ? group.members.length : 0;
  } finally {
    await admin.disconnect();
  }
}
