import type { Summary } from "../report/percentiles";
import type { Verdict } from "../phases/step-verdict";

/**
 * What the bench process asks of the load-generator process, and what comes back, over
 * the IPC channel of `child_process.spawn`. Each request names a scenario; the answer
 * carries the same id. Progress lines may come at any time.
 */
export type LoadInit = {
  runId: string;
  baseUrl: string;
  brokers: string[];
  /** Where READY is observed: the web's relay of the station events. */
  updatesTopic: string;
  /** Where the balcony-to-browser probes are injected, as a station would. */
  balconyTopic: string;
  /** HTTP connections the POST client keeps open. */
  connections: number;
};

export type StepRequest = { rate: number; durationMs: number; drainMs: number };
export type StepResult = {
  rate: number;
  durationMs: number;
  sent: number;
  accepted: number;
  failed: number;
  errors: Record<string, number>;
  /** POST -> 201, from each request's scheduled send time. */
  accept: Summary;
  /** How late the generator itself sent requests: a high figure means the generator is the bottleneck. */
  sendLag: Summary;
  /** Scheduled send -> the order's last ItemReady seen on `order-updates`. */
  e2e: Summary;
  readyRate: number;
  backlogSlope: number;
  backlogMax: number;
  drained: boolean;
  drainMs: number;
  abandoned: boolean;
  verdict: Verdict;
};

export type SettleRequest = { timeoutMs: number };
export type SettleResult = { waiting: number; tookMs: number };

export type PlaceOrdersRequest = { count: number; concurrency: number };
export type PlaceOrdersResult = { orderIds: string[]; failed: number };

export type StreamsOpenRequest = { target: number; orderIds: string[]; concurrency: number; budgetMs: number };
export type StreamsOpenResult = {
  held: number;
  attempted: number;
  failures: Record<string, number>;
  connect: Summary;
  tookMs: number;
  outOfBudget: boolean;
};
export type StreamsProbeRequest = { rate: number; durationMs: number; waitMs: number };
export type StreamsProbeResult = {
  injected: number;
  expected: number;
  received: number;
  latency: Summary;
  held: number;
};

export type KafkaCeilingRequest = {
  brokers: string[];
  topics: { foods: string; drinks: string; balcony: string; orderUpdates: string };
  window: number;
  warmMs: number;
  durationMs: number;
};
export type KafkaCeilingResult = { throughput: number; completed: number; sent: number; e2e: Summary };

export type SaturateRequest = { baseUrl: string; concurrency: number; warmMs: number; durationMs: number };
export type SaturateResult = {
  throughput: number;
  accepted: number;
  failed: number;
  errors: Record<string, number>;
  accept: Summary;
};

export type Scenarios = {
  init: [LoadInit, { fdLimit: number }];
  step: [StepRequest, StepResult];
  settle: [SettleRequest, SettleResult];
  placeOrders: [PlaceOrdersRequest, PlaceOrdersResult];
  streamsOpen: [StreamsOpenRequest, StreamsOpenResult];
  streamsProbe: [StreamsProbeRequest, StreamsProbeResult];
  streamsClose: [Record<string, never>, { closed: number }];
  kafkaCeiling: [KafkaCeilingRequest, KafkaCeilingResult];
  saturate: [SaturateRequest, SaturateResult];
};
export type ScenarioName = keyof Scenarios;

export type ToLoad = { id: number; scenario: ScenarioName; body: unknown } | { id: 0; scenario: "exit"; body: null };
export type FromLoad =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string } | { progress: string };
