import { fileURLToPath } from "node:url";
import { withFdLimit } from "./fd-limit";

/**
 * The command that runs one of the bench's TypeScript entries (a `new URL("./x.ts", import.meta.url)`
 * of the caller) as a single node process
 * (`node --import tsx`, no wrapper process, so its pid is the program's), with the
 * open-file limit raised. Run it from the repository root, where `tsx` resolves.
 */
export function tsEntryCommand(entry: URL, args: readonly string[] = []): [string, string[]] {
  return withFdLimit(process.execPath, ["--import", "tsx", fileURLToPath(entry), ...args]);
}
