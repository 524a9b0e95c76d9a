import { z } from "zod";

export const Topics = z.object({
  foods: z.string().min(1),
  drinks: z.string().min(1),
  balcony: z.string().min(1),
  orderUpdates: z.string().min(1),
  deadLetters: z.string().min(1),
  stationControl: z.string().min(1),
});
export type Topics = z.infer<typeof Topics>;

/** The original demo's names, plus the two topics the saga adds. */
export const DEFAULT_TOPICS: Topics = {
  foods: "foods",
  drinks: "drinks",
  balcony: "balcony",
  orderUpdates: "order-updates",
  deadLetters: "dead-letters",
  /** Staff -> stations, one partition so every worker of a station folds the same history: stock, pause. */
  stationControl: "station-control",
};
