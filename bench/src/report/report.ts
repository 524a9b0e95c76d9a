import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BenchReport, TargetResult } from "./bench-report";
import type { CpuUse } from "../profile/cpu-sampler";

type Table = { title: string; headers: string[]; rows: string[][] };

const n0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "-");
const n1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(0)}%` : "-");
const CPU_KEYS = ["web", "kitchen", "bar", "kafka", "ferretdb", "load", "other"];
const cores = (cpu: CpuUse, keys = CPU_KEYS) => keys.map((k) => (cpu[k] ?? 0).toFixed(2)).join(" / ");

function tables(r: BenchReport): Table[] {
  const m = r.machine;
  const c = r.ceilings;
  const lat = r.sse.latency;
  const cap = r.sse.capacity;
  return [
    {
      title: "Machine",
      headers: ["cores", "CPU", "memory", "Node", "Kafka", "FerretDB", "open files", "stack"],
      rows: [
        [String(m.cores), m.cpuModel, `${m.memoryGiB} GiB`, m.node, m.kafka, m.ferretdb, `${m.fdLimit.soft}`, r.stack],
      ],
    },
    {
      title:
        "End to end, open loop (one food + one drink per order; cores = CPU used, 1.00 = one core: web / kitchen / bar / kafka / ferretdb / load / other)",
      headers: [
        "rate/s",
        "orders in DB",
        "sent",
        "READY/s",
        "accept p50",
        "accept p99",
        "e2e p50",
        "e2e p99",
        "backlog max",
        "failed",
        "gen lag p99",
        "verdict",
        "cores",
      ],
      rows: r.e2e.steps.map((s) => [
        `${s.rate}${s.extra ? " (extra)" : ""}`,
        String(s.ordersBefore),
        String(s.sent),
        n0(s.readyRate),
        n0(s.accept.p50),
        n0(s.accept.p99),
        n0(s.e2e.p50),
        n0(s.e2e.p99),
        String(s.backlogMax),
        String(s.failed),
        n0(s.sendLag.p99),
        s.verdict.sustained ? "sustained" : `NO: ${s.verdict.reason}`,
        cores(s.cpu),
      ]),
    },
    {
      title: "Headline figures (latencies in ms)",
      headers: ["figure", "value", "detail"],
      rows: [
        [
          "sustained end-to-end",
          `${n0(r.e2e.sustainedRate)} orders/s`,
          r.e2e.sustainedStep
            ? `highest sustained step ${r.e2e.sustainedStep}/s; peak READY ${n0(r.e2e.peakReadyRate)}/s under overload`
            : "no step sustained",
        ],
        [
          "balcony-to-browser p50 / p99",
          `${n0(lat.probe.latency.p50)} / ${n0(lat.probe.latency.p99)} ms`,
          `${lat.held}/${lat.clients} streams on ${r.sse.orderIds.length} orders, ${lat.probe.received}/${lat.probe.expected} deliveries of ${lat.probe.injected} probes; cores ${cores(lat.cpu)}`,
        ],
        [
          "event streams held by one web process",
          String(cap.maxHeld),
          `RSS ${n0(cap.rssBeforeKb / 1024)} -> ${n0(cap.rssAtMaxKb / 1024)} MB = ${n1(cap.perClientKb)} KB/stream; stopped: ${cap.stopReason}`,
        ],
        [
          "one stream's start (serial connect p50 / p99)",
          `${n0(r.sse.connectCostFresh.connect.p50)} -> ${n0(r.connectCostAfter.connect.p50)} ms`,
          `${r.sse.connectCostFresh.ordersInDb} orders in the DB: p99 ${n0(r.sse.connectCostFresh.connect.p99)} ms; ${r.connectCostAfter.ordersInDb} orders (after the ladder): p99 ${n0(r.connectCostAfter.connect.p99)} ms`,
        ],
        [
          "ceiling (a) raw kafkajs pipeline",
          `${n0(c.kafka.throughput)} orders/s`,
          `e2e p50/p99 ${n0(c.kafka.e2e.p50)}/${n0(c.kafka.e2e.p99)} ms; ours = ${pct(r.ratios.e2eOverKafka)}; cores ${cores(c.kafka.cpu, ["relay-kitchen", "relay-bar", "relay-projector", "kafka", "load", "other"])} (relays k/b/p, kafka, load, other)`,
        ],
        [
          "ceiling (b) bare node:http accept path",
          `${n0(c.http.throughput)} orders/s`,
          `accept p50/p99 ${n0(c.http.accept.p50)}/${n0(c.http.accept.p99)} ms; ours e2e = ${pct(r.ratios.e2eOverHttp)}; cores ${cores(c.http.cpu, ["bare-http", "ferretdb", "kafka", "load", "other"])} (bare, ferretdb, kafka, load, other)`,
        ],
        [
          "product accept path, same saturation",
          `${n0(c.productAccept.throughput)} orders/s`,
          `accept p50/p99 ${n0(c.productAccept.accept.p50)}/${n0(c.productAccept.accept.p99)} ms, ${c.productAccept.failed} failed; = ${pct(r.ratios.acceptOverHttp)} of bare; cores ${cores(c.productAccept.cpu)}`,
        ],
      ],
    },
    {
      title: "Event-stream capacity stages",
      headers: [
        "streams",
        "held",
        "failed",
        "connects/s",
        "connect p50",
        "connect p99",
        "probe p50",
        "probe p99",
        "deliveries",
        "web RSS MB",
        "result",
      ],
      rows: cap.stages.map((s) => [
        String(s.target),
        String(s.held),
        String(s.failed),
        n1(s.connectRate),
        n0(s.connect.p50),
        n0(s.connect.p99),
        n0(s.probe.latency.p50),
        n0(s.probe.latency.p99),
        `${s.probe.received}/${s.probe.expected}`,
        n0(s.rssKb / 1024),
        s.note,
      ]),
    },
    targetTable(
      r.mode === "smoke" ? "Targets (informative only: a smoke run is too small to judge them)" : "Targets",
      r.targets,
    ),
    ...(r.mode === "smoke" ? [targetTable("Sanity checks (smoke)", r.sanity)] : []),
  ];
}

function targetTable(title: string, results: TargetResult[]): Table {
  return {
    title,
    headers: ["", "target", "measured", "goal"],
    rows: results.map((t) => [t.pass ? "PASS" : "FAIL", t.name, t.measured, t.target]),
  };
}

export function renderText(r: BenchReport): string {
  const out: string[] = [`Bakery Saga bench ${r.runId} (${r.mode}), ${r.startedAt}, ${n0(r.durationS)} s`];
  for (const table of tables(r)) {
    const widths = table.headers.map((h, i) => Math.max(h.length, ...table.rows.map((row) => (row[i] ?? "").length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd();
    out.push(
      "",
      table.title,
      line(table.headers),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...table.rows.map(line),
    );
  }
  if (r.notes.length) out.push("", "Notes", ...r.notes.map((note) => `- ${note}`));
  for (const profile of r.profiles ?? [])
    out.push(
      "",
      `CPU profile of ${profile.process} (${profile.file}), self time`,
      ...profile.top.map((line) => `  ${line}`),
    );
  return `${out.join("\n")}\n`;
}

export function renderMarkdown(r: BenchReport): string {
  const esc = (cell: string) => cell.replaceAll("|", "\\|");
  const out: string[] = [
    `# Bakery Saga bench ${r.runId}`,
    "",
    `Mode **${r.mode}**, started ${r.startedAt}, took ${n0(r.durationS)} s.`,
  ];
  for (const table of tables(r)) {
    out.push(
      "",
      `## ${table.title}`,
      "",
      `| ${table.headers.map(esc).join(" | ")} |`,
      `| ${table.headers.map(() => "---").join(" | ")} |`,
      ...table.rows.map((row) => `| ${row.map(esc).join(" | ")} |`),
    );
  }
  if (r.notes.length) out.push("", "## Notes", "", ...r.notes.map((note) => `- ${note}`));
  for (const profile of r.profiles ?? [])
    out.push(
      "",
      `## CPU profile of ${profile.process}`,
      "",
      `\`${profile.file}\`, self time:`,
      "",
      "```",
      ...profile.top,
      "```",
    );
  return `${out.join("\n")}\n`;
}

/** Writes `<dir>/<runId>.json` and `.md`; returns their paths. */
export async function writeReport(dir: string, r: BenchReport): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${r.runId}.json`);
  const markdown = join(dir, `${r.runId}.md`);
  await writeFile(
    json,
    `${JSON.stringify(r, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2)}\n`,
  );
  await writeFile(markdown, renderMarkdown(r));
  return { json, markdown };
}
