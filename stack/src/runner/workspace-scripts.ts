import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../repo-root";

/** Whether `<folder>/package.json` defines `script`, so optional phases (e2e) run only once they exist. */
export function workspaceHasScript(folder: string, script: string): boolean {
  const manifest = join(REPO_ROOT, folder, "package.json");
  if (!existsSync(manifest)) return false;
  const scripts = (JSON.parse(readFileSync(manifest, "utf8")) as { scripts?: Record<string, string> }).scripts;
  return Boolean(scripts?.[script]);
}
