/** One thing the checker found wrong, in words that name the order (or item) and what happened. */
export type Problem = {
  kind: "lost" | "stuck" | "double effect" | "outcome" | "stock" | "sse" | "unloaded" | "http" | "money" | "process";
  message: string;
  orderId?: string;
  itemId?: string;
  /** When it happened (ms since the epoch), to place it in a fault window. */
  at?: number;
};
