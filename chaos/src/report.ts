import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Problem } from "./check/problem";
import type { Restart } from "./check/double-effects";
import { FAULT_NAMES, type FaultId } from "./faults";
import type { WindowResult } from "./nemesis/nemesis";

/** One line of the results table: a fault window (or the calm before the first), and its totals. */
export type Row = {
  window: string;
  what: string;
  acknowledged: number;
  lost: number;
  doubleEffects: number;
  stuck: number;
  /** Seconds from the heal until the bakery was whole again; null = not within the limit. */
  recoveryS?: number | null;
};

export type Check = { name: string; ok: boolean; detail: string };

export type ChaosReport = {
  runId: string;
  seed: number;
  mode: string;
  rate: number;
  startedAt: string;
  finishedAt: string;
  durationS: number;
  stack: "local" | "external";
  settings: Record<string, string | number>;
  skipped: { fault: FaultId; why: string }[];
  rows: Row[];
  checks: Check[];
  problems: Problem[];
  restarts: Restart[];
  windows: WindowResult[];
  traffic: Record<string, unknown>;
  verdict: "PASS" | "FAIL";
};

/** Places each lost, stuck and double-effect problem in the window it happened in, by time. */
export function tableRows(input: {
  windows: readonly WindowResult[];
  ackTimes: readonly number[];
  problems: readonly Problem[];
}): Row[] {
  const starts = input.windows.map((w) => w.startedAt);
  const rowOf = (at: number) => {
    let row = 0;
    starts.forEach((start, i) => {
      if (at >= start) row = i + 1;
    });
    return row;
  };
  const rows: Row[] = [
    { window: "calm", what: "before the first fault", acknowledged: 0, lost: 0, doubleEffects: 0, stuck: 0 },
    ...input.windows.map((w) => ({
      window: w.name,
      what: [...w.faults.map((f) => FAULT_NAMES[f]), ...w.errors.map((e) => `NOT DONE: ${e}`)].join(" + "),
      acknowledged: 0,
      lost: 0,
      doubleEffects: 0,
      stuck: 0,
      recoveryS: w.recoveredAt === undefined ? null : Math.round((w.recoveredAt - w.healedAt) / 100) / 10,
    })),
  ];
  for (const at of input.ackTimes) (rows[rowOf(at)] as Row).acknowledged++;
  for (const problem of input.problems) {
    if (problem.at === undefined) continue;
    const row = rows[rowOf(problem.at)] as Row;
    if (problem.kind === "lost") row.lost++;
    if (problem.kind === "stuck") row.stuck++;
    if (problem.kind === "double effect") row.doubleEffects++;
  }
  const total = rows.reduce(
    (sum, row) => ({
      ...sum,
      acknowledged: sum.acknowledged + row.acknowledged,
      lost: sum.lost + row.lost,
      doubleEffects: sum.doubleEffects + row.doubleEffects,
      stuck: sum.stuck + row.stuck,
    }),
    { window: "total", what: "", acknowledged: 0, lost: 0, doubleEffects: 0, stuck: 0 } as Row,
  );
  return [...rows, total];
}

const recovery = (row: Row) =>
  row.recoveryS === undefined ? "" : row.recoveryS === null ? "NOT RECOVERED" : `${row.recoveryS.toFixed(1)} s`;
const COLUMNS = ["window", "fault", "acknowledged", "lost", "double effects", "stuck", "recovery"];
const cells = (row: Row) => [
  row.window,
  row.what,
  String(row.acknowledged),
  String(row.lost),
  String(row.doubleEffects),
  String(row.stuck),
  recovery(row),
];

/** The table and the checks for a terminal. */
export function renderText(report: ChaosReport): string {
  const table = [COLUMNS, ...report.rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ");
  return [
    `chaos ${report.runId}: seed ${report.seed}, ${report.mode} schedule, ${report.rate} orders/s, ${report.durationS.toFixed(0)} s, ${report.stack} stack`,
    "",
    ...table.map(line),
    "",
    ...report.checks.map((c) => `${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`),
    ...(report.problems.length
      ? ["", "problems (first 30):", ...report.problems.slice(0, 30).map((p) => `  - [${p.kind}] ${p.message}`)]
      : []),
    "",
    `verdict: ${report.verdict}   (repeat with: npm run chaos -- ${report.mode === "full" ? "" : `--${report.mode} `}--seed ${report.seed} --rate ${report.rate})`,
  ].join("\n");
}

/** The same as Markdown, for chaos/results/. */
export function renderMarkdown(report: ChaosReport): string {
  const row = (r: string[]) => `| ${r.join(" | ")} |`;
  return [
    `# Chaos run ${report.runId}: ${report.verdict}`,
    "",
    `Seed **${report.seed}**, ${report.mode} schedule, ${report.rate} orders/s, ${report.durationS.toFixed(0)} s, ${report.stack} stack; ` +
      `${Object.entries(report.settings)
        .map(([k, v]) => `${k}=${v}`)
        .join(
          ", ",
        )}. Repeat with \`npm run chaos -- ${report.mode === "full" ? "" : `--${report.mode} `}--seed ${report.seed} --rate ${report.rate}\`.`,
    "",
    row(COLUMNS),
    row(COLUMNS.map((_, i) => (i >= 2 ? "---:" : "---"))),
    ...report.rows.map((r) => row(cells(r).map((c, i) => (r.window === "total" && i === 0 ? "**total**" : c)))),
    "",
    "## Checks",
    "",
    ...report.checks.map((c) => `- ${c.ok ? "ok" : "**FAIL**"} ${c.name}: ${c.detail}`),
    ...(report.skipped.length ? ["", ...report.skipped.map((s) => `Fault ${s.fault} skipped: ${s.why}.`)] : []),
    "",
    "## Fault windows",
    "",
    ...report.windows.map(
      (w, i) => `${i + 1}. **${w.name}**: ${[...w.notes, ...w.errors.map((e) => `not done: ${e}`)].join("; ")}`,
    ),
    ...(report.problems.length
      ? [
          "",
          `## Problems (${report.problems.length}; first 50)`,
          "",
          ...report.problems.slice(0, 50).map((p) => `- [${p.kind}] ${p.message}`),
        ]
      : []),
    "",
    "## Traffic",
    "",
    "```json",
    JSON.stringify(report.traffic, null, 2),
    "```",
    "",
  ].join("\n");
}

/** `<dir>/<runId>.json` and `.md`, and the same as `latest.json` and `latest.md`. */
export async function writeReport(dir: string, report: ChaosReport): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = renderMarkdown(report);
  for (const name of [report.runId, "latest"]) {
    await writeFile(join(dir, `${name}.json`), json);
    await writeFile(join(dir, `${name}.md`), markdown);
  }
  return { json: join(dir, `${report.runId}.json`), markdown: join(dir, `${report.runId}.md`) };
}
