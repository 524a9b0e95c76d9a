import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** Outside the repo so a fresh clone (CI, a new worktree) reuses downloads and builds. */
export function cacheRoot(): string {
  const override = process.env.BAKERY_CACHE_DIR;
  return override ? resolve(override) : join(homedir(), ".cache", "bakery-saga");
}
