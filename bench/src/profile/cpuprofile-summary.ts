/** The parts of a V8 .cpuprofile (as written by `node --cpu-prof`) that a summary needs. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
};

/** Where a frame's code comes from: a package, the Next bundle of our app, node itself, or V8's pseudo-frames. */
export function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? "node_modules";
  if (url.startsWith("node:")) return "node:internal";
  if (url.includes("/.next/server/")) return "app bundle (.next/server)";
  return url.replace(/^file:\/\//, "");
}

/**
 * Self time by origin and by function, in ms, largest first. Each sample is worth
 * (end - start) / samples; a node's hits are its samples.
 */
export function summarizeProfile(
  profile: CpuProfile,
  topFunctions = 20,
): { totalMs: number; byOrigin: [string, number][]; byFunction: [string, number][] } {
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perHit = hits > 0 ? totalMs / hits : 0;
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * perHit;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const origin = originOf(url, functionName);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
    const where = url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs, byOrigin: sorted(byOrigin), byFunction: sorted(byFunction).slice(0, topFunctions) };
}

const frameKey = (frame: { functionName: string; url: string; lineNumber: number }) => {
  const where = frame.url ? `${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
};

/**
 * Inclusive (self + callees) time by function, in ms, largest first: where whole activities
 * (a route handler, a consumer's batch) spend their time. A function that appears again
 * below itself is counted once, at its outermost call.
 */
export function inclusiveTimes(profile: CpuProfile, top = 20): [string, number][] {
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const perHit = hits > 0 ? (profile.endTime - profile.startTime) / 1000 / hits : 0;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const totals = new Map<number, number>();
  // Post-order without recursion: profiles can be deeper than the JS stack.
  const order: number[] = [];
  const stack = profile.nodes.filter((node) => !childIds.has(node.id)).map((node) => node.id);
  while (stack.length > 0) {
    const id = stack.pop() as number;
    order.push(id);
    for (const child of byId.get(id)?.children ?? []) stack.push(child);
  }
  for (const id of order.reverse()) {
    const node = byId.get(id);
    if (!node) continue;
    totals.set(
      id,
      (node.hitCount ?? 0) * perHit + (node.children ?? []).reduce((sum, child) => sum + (totals.get(child) ?? 0), 0),
    );
  }
  const byKey = new Map<string, number>();
  const walk: { id: number; open: ReadonlySet<string> }[] = profile.nodes
    .filter((node) => !childIds.has(node.id))
    .map((node) => ({ id: node.id, open: new Set<string>() }));
  while (walk.length > 0) {
    const { id, open } = walk.pop() as { id: number; open: ReadonlySet<string> };
    const node = byId.get(id);
    if (!node) continue;
    const key = frameKey(node.callFrame);
    const pseudo = node.callFrame.functionName.startsWith("(") && !node.callFrame.url;
    if (!pseudo && !open.has(key)) byKey.set(key, (byKey.get(key) ?? 0) + (totals.get(id) ?? 0));
    const next = pseudo || open.has(key) ? open : new Set([...open, key]);
    for (const child of node.children ?? []) walk.push({ id: child, open: next });
  }
  return [...byKey].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** Lines for the report: origins, then the hottest functions, each with its share of busy (non-idle) time. */
export function profileLines(profile: CpuProfile, topFunctions = 20): string[] {
  const summary = summarizeProfile(profile, topFunctions);
  const idle = summary.byOrigin.find(([origin]) => origin === "(idle)")?.[1] ?? 0;
  const busy = Math.max(1e-9, summary.totalMs - idle);
  const line = ([name, ms]: [string, number]) =>
    `${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`;
  return [
    `busy ${(busy / 1000).toFixed(1)} s of ${(summary.totalMs / 1000).toFixed(1)} s profiled`,
    "by origin:",
    ...summary.byOrigin
      .filter(([origin]) => origin !== "(idle)")
      .slice(0, 12)
      .map(line),
    "hottest functions (self time):",
    ...summary.byFunction.filter(([name]) => !name.startsWith("(idle)")).map(line),
    "heaviest calls (self + callees):",
    ...inclusiveTimes(profile, topFunctions).map(line),
  ];
}
