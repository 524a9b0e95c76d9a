// The bar: takes drinks from its topic and prepares them. All behaviour lives in the shared station loop.
import { runStationProcess } from "@bakery/shared/station/run-station-process";
import { env } from "./env";

runStationProcess({
  station: "BAR",
  itemType: "DRINK",
  inputTopic: env.TOPIC_DRINKS,
  hands: env.BAR_BARTENDERS,
  dbName: env.BAR_DB,
  groupId: env.BAR_GROUP_ID,
  metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST },
  env,
});
