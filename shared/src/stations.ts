import { z } from "zod";
import type { ItemType } from "./menu";

export const Station = z.enum(["KITCHEN", "BAR"]);
export type Station = z.infer<typeof Station>;

/** Foods are cooked in the kitchen, drinks are mixed at the bar; nothing else decides routing. */
export const stationFor = (type: ItemType): Station => (type === "FOOD" ? "KITCHEN" : "BAR");
