import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const STAMP_FILE = ".installed";

export type InstallOnceOptions = {
  /** Where the finished install lives, e.g. `<cache>/kafka-4.1.1`. */
  dir: string;
  /** Identifies what a valid install contains; a different stamp forces a rebuild. */
  stamp: string;
  /** Fills `workDir`, which becomes `dir` only once build resolves. */
  build(workDir: string): Promise<void>;
};

async function readInstalledStamp(dir: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, STAMP_FILE), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Builds into a sibling temp folder and renames it into place, so a build killed
 * half-way never leaves something that looks installed. The stamp file is written
 * last inside the temp folder: its presence in `dir` is the only proof of a finished install.
 */
export async function installOnce(opts: InstallOnceOptions): Promise<{ dir: string; built: boolean }> {
  if ((await readInstalledStamp(opts.dir)) === opts.stamp) return { dir: opts.dir, built: false };

  await mkdir(dirname(opts.dir), { recursive: true });
  await removeAbandonedPartials(opts.dir);
  const work = `${opts.dir}.partial-${process.pid}-${randomBytes(3).toString("hex")}`;
  await mkdir(work, { recursive: true });
  try {
    await opts.build(work);
    await writeFile(join(work, STAMP_FILE), opts.stamp);
    await replaceDir(work, opts.dir, opts.stamp);
    return { dir: opts.dir, built: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function replaceDir(work: string, dir: string, stamp: string): Promise<void> {
  try {
    await rename(work, dir);
    return;
  } catch (err) {
    if (!isCode(err, "ENOTEMPTY", "EEXIST")) throw err;
  }
  // Another process may have finished the same install meanwhile: keep theirs.
  if ((await readInstalledStamp(dir)) === stamp) return;
  const stale = `${dir}.stale-${process.pid}-${randomBytes(3).toString("hex")}`;
  await rename(dir, stale);
  await rename(work, dir);
  await rm(stale, { recursive: true, force: true });
}

/** Temp folders of builds whose process is gone (killed, crashed) only waste disk. */
async function removeAbandonedPartials(dir: string): Promise<void> {
  const prefix = `${basename(dir)}.`;
  const entries = await readdir(dirname(dir)).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(?:partial|stale)-(\d+)-/.exec(entry.slice(prefix.length));
    if (match && !isAlive(Number(match[1]))) {
      await rm(join(dirname(dir), entry), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return isCode(err, "EPERM");
  }
}

function isCode(err: unknown, ...codes: string[]): boolean {
  return typeof err === "object" && err !== null && codes.includes(String((err as { code?: unknown }).code));
}
