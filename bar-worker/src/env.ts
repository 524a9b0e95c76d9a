import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { z } from "zod";

export const env = parseEnv({
  ...commonEnvShape,
  BAR_BARTENDERS: z.coerce.number().int().min(1).max(100).default(2),
  BAR_DB: z.string().min(1).default("bar"),
  BAR_GROUP_ID: z.string().min(1).default("bar"),
});
