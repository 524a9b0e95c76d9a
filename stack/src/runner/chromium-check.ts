import { existsSync } from "node:fs";
import type { StackLog } from "../log";
import { findOnPath } from "../provision/find-on-path";
import { startProgressTicker } from "../provision/progress-ticker";
import { runChecked } from "../processes/run-checked";
import { StackError } from "../stack-errors";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export type ChromiumFacts = {
  /** CHROMIUM_PATH when set. */
  configuredPath: string | undefined;
  exists(path: string): boolean;
  isRoot: boolean;
  /** Debian (or a derivative) with apt-get on the PATH. */
  hasApt: boolean;
};

export type ChromiumAction =
  { kind: "ready"; path: string } | { kind: "install"; path: string } | { kind: "stop"; message: string };

/**
 * What the test runner does about the browser the e2e tests drive: use it, install
 * Debian's package (only where that can work: root, apt), or stop at once with one line
 * naming what to install. A CHROMIUM_PATH that points nowhere is the user's to fix.
 */
export function decideChromium(facts: ChromiumFacts): ChromiumAction {
  const path = facts.configuredPath ?? DEFAULT_CHROMIUM;
  if (facts.exists(path)) return { kind: "ready", path };
  if (facts.configuredPath !== undefined)
    return { kind: "stop", message: `CHROMIUM_PATH=${path} does not exist: point it at a Chromium binary` };
  if (facts.isRoot && facts.hasApt) return { kind: "install", path };
  return {
    kind: "stop",
    message: `the browser tests need Chromium at ${path}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
  };
}

/** Makes sure the e2e phase has its browser; throws one line when it cannot. */
export async function ensureChromium(log: StackLog): Promise<void> {
  const action = decideChromium({
    configuredPath: process.env.CHROMIUM_PATH || undefined,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasApt: existsSync("/etc/debian_version") && findOnPath("apt-get") !== undefined,
  });
  if (action.kind === "ready") return;
  if (action.kind === "stop") throw new StackError(action.message);
  log.info("installing Debian's chromium for the browser tests (apt-get update && apt-get install -y chromium)");
  const stopTicker = startProgressTicker(log, "chromium install");
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const output = { kind: "lines" as const, onLine: () => undefined };
    await runChecked({ what: "apt-get update", name: "apt", command: "apt-get", args: ["update", "-qq"], env, output });
    await runChecked({
      what: "apt-get install chromium",
      name: "apt",
      command: "apt-get",
      args: ["install", "-y", "-qq", "chromium"],
      env,
      output,
    });
  } finally {
    stopTicker();
  }
  if (!existsSync(action.path)) throw new StackError(`apt-get installed chromium but ${action.path} is still missing`);
  log.info("chromium installed", { path: action.path });
}
