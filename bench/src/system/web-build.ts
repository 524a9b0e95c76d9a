import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT } from "@bakery/stack/repo-root";
import { runChecked } from "@bakery/stack/processes/run-checked";

/**
 * `next build` once, through turbo (a cache hit when nothing changed), for the `next start`
 * processes of a run. Returns a check for whether someone rebuilt web/.next meanwhile:
 * it is shared with whoever else builds in this checkout, and a rebuild under a running
 * next-server breaks it.
 */
export async function buildWeb(env: NodeJS.ProcessEnv): Promise<{ rebuiltMeanwhile: () => Promise<boolean> }> {
  await runChecked({
    what: "next build",
    name: "build",
    command: "npx",
    args: ["turbo", "run", "build", "--filter=@bakery/web", "--output-logs=errors-only"],
    cwd: REPO_ROOT,
    env,
    output: { kind: "lines", onLine: () => undefined },
  });
  const buildIdFile = join(REPO_ROOT, "web", ".next", "BUILD_ID");
  const buildId = await readFile(buildIdFile, "utf8").catch(() => "");
  return { rebuiltMeanwhile: async () => (await readFile(buildIdFile, "utf8").catch(() => "")) !== buildId };
}
