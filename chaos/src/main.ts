/**
 * `npm run chaos [-- --medium] [-- --seed N] [-- --rate N]`: the bakery under steady load while
 * a nemesis kills, stops and freezes its parts, then a checker compares what was acknowledged
 * with what happened. Prints the results table and writes it under chaos/results/ (JSON and
 * Markdown, with the seed); exit status 1 when a check fails.
 */
import { fileURLToPath } from "node:url";
import { createProgress } from "@bakery/bench/report/progress";
import { createStackLog } from "@bakery/stack/log";
import { shutdownRequested } from "@bakery/stack/processes/shutdown-signal";
import { parseChaosArgs } from "./options";
import { renderText, writeReport } from "./report";
import { runChaos } from "./run-chaos";

const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

async function main(): Promise<number> {
  const options = parseChaosArgs(process.argv.slice(2), () => Math.floor(Math.random() * 2 ** 31));
  const { step } = createProgress("chaos");
  const { report } = await runChaos({
    options,
    workDir: RESULTS_DIR,
    log: createStackLog("chaos stack", "warn"),
    step,
    allowExternal: true,
  });
  process.stdout.write(`\n${renderText(report)}\n`);
  const written = await writeReport(RESULTS_DIR, report);
  step(`written ${written.markdown} and ${written.json} (and latest.md, latest.json)`);
  return report.verdict === "PASS" ? 0 : 1;
}

const interrupted = shutdownRequested().then((signal) => {
  process.stderr.write(`chaos: ${signal}, stopping\n`);
  return 130;
});
Promise.race([main(), interrupted]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`chaos failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
