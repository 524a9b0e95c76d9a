import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { profileLines, type CpuProfile } from "./cpuprofile-summary";

/** `CPU.20261125.193000.12345.0.001.cpuprofile` -> 12345 */
export const pidOfProfile = (file: string): number => Number(file.split(".")[3]);

/**
 * After the apps stopped (node writes --cpu-prof files on exit): for each app, the largest
 * profile written by one of its processes (npm and sh write small ones too), summarised.
 */
export async function summarizeProfiles(
  dir: string,
  apps: { name: string; pids: number[] }[],
): Promise<{ process: string; file: string; top: string[] }[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith(".cpuprofile"));
  const out: { process: string; file: string; top: string[] }[] = [];
  for (const app of apps) {
    const mine = files.filter((file) => app.pids.includes(pidOfProfile(file)));
    const sized = await Promise.all(mine.map(async (file) => ({ file, size: (await stat(join(dir, file))).size })));
    const biggest = sized.sort((a, b) => b.size - a.size)[0];
    if (!biggest) continue;
    const profile = JSON.parse(await readFile(join(dir, biggest.file), "utf8")) as CpuProfile;
    out.push({ process: app.name, file: join(dir, biggest.file), top: profileLines(profile, 25) });
  }
  return out;
}
