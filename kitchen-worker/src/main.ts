// The kitchen: takes foods from its topic and prepares them. All behaviour lives in the shared station loop.
import { runStationProcess } from "@bakery/shared/station/run-station-process";
import { env } from "./env";

runStationProcess({
  station: "KITCHEN",
  itemType: "FOOD",
  inputTopic: env.TOPIC_FOODS,
  hands: env.KITCHEN_COOKS,
  dbName: env.KITCHEN_DB,
  groupId: env.KITCHEN_GROUP_ID,
  metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST },
  env,
});
