import type { StackLog } from "./log.js";

export interface ProvisionOptions {
  log: StackLog;
  /** Aborts a running download or build (its process group is stopped). */
  signal?: AbortSignal;
}
