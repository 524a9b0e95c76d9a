import { readFile } from "node:fs/promises";

/** The end of a log file for an error message; empty when the file does not exist yet. */
export async function fileTail(path: string, lines = 20): Promise<string> {
  try {
    const text = await readFile(path, "utf8");
    return text.trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
