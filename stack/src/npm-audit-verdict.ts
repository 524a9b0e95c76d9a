/**
 * The CI verdict on `npm audit --omit=dev --json` (run by .ci/npm-audit): fail on any high or
 * critical advisory in the production dependencies. A registry that cannot audit (this
 * machine's answers 405 to the bulk advisory request) is not a pass: it says NOT CHECKED
 * loudly, and fails only when AUDIT_REQUIRED=1 (a CI that must have the check).
 */
export function auditVerdict(output: string, required: boolean): { code: number; message: string } {
  let report: unknown;
  try {
    report = JSON.parse(output);
  } catch {
    report = undefined;
  }
  const counts = (report as { metadata?: { vulnerabilities?: Record<string, number> } } | undefined)?.metadata
    ?.vulnerabilities;
  if (!counts) {
    const why = (report as { message?: string } | undefined)?.message ?? (output.trim().split("\n")[0] || "no answer");
    return {
      code: required ? 1 : 0,
      message: `WARNING: npm audit NOT CHECKED: the registry could not audit (${why})${
        required ? "; AUDIT_REQUIRED=1 makes this fatal" : "; set AUDIT_REQUIRED=1 to make this fatal"
      }`,
    };
  }
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = Object.entries(counts)
    .filter(([severity]) => severity !== "total")
    .map(([severity, n]) => `${severity} ${n}`)
    .join(", ");
  return high > 0
    ? {
        code: 1,
        message: `npm audit: ${high} high or critical in production dependencies (${summary}); see npm audit --omit=dev`,
      }
    : { code: 0, message: `npm audit: no high or critical advisories in production dependencies (${summary})` };
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { code, message } = auditVerdict(Buffer.concat(chunks).toString("utf8"), process.env.AUDIT_REQUIRED === "1");
  (code === 0 && !message.startsWith("WARNING") ? console.log : console.error)(message);
  process.exit(code);
}

if (process.argv[1]?.endsWith("npm-audit-verdict.ts")) await main();
