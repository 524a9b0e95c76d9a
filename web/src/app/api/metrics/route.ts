// GET /api/metrics - Prometheus text format (not behind the staff password; METRICS=off turns it off)
import { AppError } from "@/server/errors";
import { attachContextMetrics } from "@/server/metrics";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request, ctx) => {
  if (ctx.env.METRICS === "off") throw new AppError("NOT_FOUND", "Metrics are turned off");
  // Public, and a scrape reads the board: counted like the other reads (a scraper needs a few a minute).
  ctx.limits.take("reads", request);
  const registry = attachContextMetrics(ctx);
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
});
