import type { StackLog } from "../log";

export type ProvisionOptions = {
  log: StackLog;
  /** Aborts a running download or build (its process group is stopped). */
  signal?: AbortSignal;
};
