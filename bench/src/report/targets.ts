import type { BenchReport, TargetResult } from "./bench-report";
import { ACCEPT_TARGET_RATE } from "../phases/run-e2e";

type Figures = Pick<BenchReport, "e2e" | "sse" | "ceilings" | "ratios">;
const probeLine = (p: { latency: { p99: number }; received: number; expected: number }) =>
  `p99 ${ms(p.latency.p99)}, ${p.received}/${p.expected} deliveries`;
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : "none");

/** The product's targets, as set in the issue; judged on a full run (a smoke run is too small to say). */
export function evaluateTargets(f: Figures): TargetResult[] {
  const at500 = f.e2e.steps.find((step) => step.rate === ACCEPT_TARGET_RATE);
  const lat = f.sse.latency;
  return [
    {
      name: "end-to-end throughput",
      target: ">= 1,000 orders/s READY",
      measured: `${f.e2e.sustainedRate.toFixed(0)} orders/s`,
      pass: f.e2e.sustainedRate >= 1000,
    },
    {
      name: "accept latency at 500/s",
      target: "p99 <= 50 ms",
      measured: at500
        ? `p99 ${ms(at500.accept.p99)}${at500.verdict.sustained ? "" : " (step not sustained)"}`
        : "500/s not reached",
      pass: at500 !== undefined && at500.accept.p99 <= 50,
    },
    {
      name: "balcony-to-browser with 1,000 clients",
      target: "p99 <= 100 ms",
      measured: `${probeLine(lat.probe)} with ${lat.held} streams`,
      pass: lat.held >= 1000 && lat.probe.received >= lat.probe.expected && lat.probe.latency.p99 <= 100,
    },
    {
      name: "event streams in one web process",
      target: ">= 10,000",
      measured: `${f.sse.capacity.maxHeld}`,
      pass: f.sse.capacity.maxHeld >= 10_000,
    },
    {
      name: "end-to-end vs raw-Kafka ceiling",
      target: ">= 50%",
      measured: `${(f.ratios.e2eOverKafka * 100).toFixed(0)}% (${f.e2e.sustainedRate.toFixed(0)} / ${f.ceilings.kafka.throughput.toFixed(0)})`,
      pass: f.ratios.e2eOverKafka >= 0.5,
    },
  ];
}

/**
 * What a smoke run must show, whatever the machine: every part of the harness produced
 * figures and the bakery works under light load. Exit status 1 when one fails.
 */
export function evaluateSanity(f: Figures): TargetResult[] {
  const first = f.e2e.steps[0];
  const lat = f.sse.latency;
  return [
    {
      name: "every order of a low-rate step reaches READY",
      target: "step drained",
      measured: first
        ? `${first.rate}/s: ${first.accepted} accepted, ${first.drained ? "all READY" : "not all READY"} (${first.verdict.reason})`
        : "no step",
      pass: first?.drained === true && first.accepted > 0,
    },
    {
      name: "every order accepted",
      target: "0 failed",
      measured: `${f.e2e.steps.reduce((n, s) => n + s.failed, 0)} failed`,
      pass: f.e2e.steps.every((s) => s.failed === 0),
    },
    {
      name: "every event stream connects",
      target: `${lat.clients} held`,
      measured: `${lat.held} held`,
      pass: lat.held === lat.clients,
    },
    {
      name: "every balcony probe reaches its browser",
      target: "all arrive",
      measured: probeLine(lat.probe),
      pass: lat.probe.expected > 0 && lat.probe.received >= lat.probe.expected,
    },
    {
      name: "stream capacity measured",
      target: "first stage held",
      measured: `${f.sse.capacity.maxHeld} held`,
      pass: f.sse.capacity.maxHeld > 0,
    },
    {
      name: "raw-Kafka ceiling measured",
      target: "> 0 orders/s",
      measured: `${f.ceilings.kafka.throughput.toFixed(0)} orders/s`,
      pass: f.ceilings.kafka.throughput > 0,
    },
    {
      name: "HTTP ceiling measured",
      target: "> 0 orders/s, 0 failed",
      measured: `${f.ceilings.http.throughput.toFixed(0)} orders/s, ${f.ceilings.http.failed} failed`,
      pass: f.ceilings.http.throughput > 0 && f.ceilings.http.failed === 0,
    },
  ];
}
