/** The nemesis's repertoire (issue 9), numbered as in the issue so results and seeds can be compared. */
export const FAULT_IDS = [1, 2, 3, 4, 5, 6, 7] as const;
export type FaultId = (typeof FAULT_IDS)[number];

export const FAULT_NAMES: Record<FaultId, string> = {
  1: "kill -9 a kitchen worker, restart it",
  2: "kill -9 a web process, restart it",
  3: "a third kitchen worker joins, one leaves, a rebalanced one is killed",
  4: "kill -9 the Kafka broker, restart it",
  5: "the database stopped for 10 s",
  6: "a worker frozen (SIGSTOP) past its session timeout",
  7: "consumed foods and balcony messages produced again",
};

/** Faults on the servers themselves: only on a stack this run started. */
export const SERVER_FAULTS: readonly FaultId[] = [4, 5];

export type FaultPlan = { delayMs: number } & (
  | { fault: 1 | 2 | 4 | 5; downMs: number }
  | { fault: 3; joinedMs: number; leftMs: number; downMs: number }
  | { fault: 6; station: "kitchen" | "bar"; frozenMs: number }
  | { fault: 7; messages: number }
);

/** One or more faults started together (each after its own delay); the window ends when all have healed. */
export type FaultWindow = { name: string; faults: FaultPlan[] };

export const isFaultId = (value: number): value is FaultId => (FAULT_IDS as readonly number[]).includes(value);
