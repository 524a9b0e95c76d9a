import { commonEnvShape, parseEnv } from "@bakery/shared/env";
import { z } from "zod";

export const env = parseEnv({
  ...commonEnvShape,
  /** Prometheus endpoint of this worker (`GET /metrics`); 0 turns it off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  BAR_BARTENDERS: z.coerce.number().int().min(1).max(100).default(2),
  BAR_DB: z.string().min(1).default("bar"),
  BAR_GROUP_ID: z.string().min(1).default("bar"),
});
