import { fileURLToPath } from "node:url";
import { withFdLimit } from "./fd-limit";

/**
 * The command that runs one of this folder's TypeScript entries as a single node process
 * (`node --import tsx`, no wrapper process, so its pid is the program's), with the
 * open-file limit raised. Run it from the repository root, where `tsx` resolves.
 */
export function tsEntryCommand(file: string, args: readonly string[] = []): [string, string[]] {
  return withFdLimit(process.execPath, ["--import", "tsx", fileURLToPath(new URL(file, import.meta.url)), ...args]);
}
