import type { Producer } from "kafkajs";
import type { Publisher } from "@bakery/shared/kafka";
import type { Logger } from "@bakery/shared/logger";
import type { Topics } from "@bakery/shared/topics";
import type { WebEnv } from "./env";
import type { MenuStore } from "./menu-store";
import type { StationNewsStore } from "./station-news";
import type { WaiterCollections } from "./waiter-db";

/** What the failure half's server code needs of the process (the web context has it all). */
export type SagaDeps = {
  c: WaiterCollections;
  publisher: Publisher;
  producer: Producer;
  topics: Topics;
  menu: MenuStore;
  stationNews: StationNewsStore;
  env: Pick<WebEnv, "DECISION_TIMEOUT_S" | "LATE_GRACE_S">;
  log: Logger;
};
