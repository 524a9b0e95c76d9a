import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { z } from "zod";

export const env = parseEnv({
  ...commonEnvShape,
  KITCHEN_COOKS: z.coerce.number().int().min(1).max(100).default(3),
  KITCHEN_DB: z.string().min(1).default("kitchen"),
  KITCHEN_GROUP_ID: z.string().min(1).default("kitchen"),
});
