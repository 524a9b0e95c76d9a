import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { MissingToolError } from "../stack-errors";

/** Looks the tool up ourselves: spawning it just to see ENOENT costs a JVM start for java/mvn. */
export function findOnPath(tool: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, tool);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function requireTool(tool: string, purpose: string): string {
  const found = findOnPath(tool);
  if (!found) throw new MissingToolError(tool, purpose);
  return found;
}
