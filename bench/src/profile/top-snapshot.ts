import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";

/** `top -b -n1` into a file, in the background: a picture of who used the CPU mid-step. Failures only lose the picture. */
export function saveTopSnapshot(path: string): void {
  execFile("top", ["-b", "-n1", "-w", "200"], { timeout: 5_000 }, (err, stdout) => {
    if (!err) void writeFile(path, stdout.split("\n").slice(0, 30).join("\n")).catch(() => undefined);
  });
}
