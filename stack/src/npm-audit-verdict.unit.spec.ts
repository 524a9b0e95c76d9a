import { describe, expect, it } from "vitest";
import { auditVerdict } from "./npm-audit-verdict";

const report = (vulnerabilities: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities } });
// What this machine's registry answers (seen): the bulk advisory endpoint refuses POST.
const refused = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  statusCode: 405,
  error: { summary: "", detail: "" },
});

describe("npm audit verdict", () => {
  it("passes with no high or critical advisory, and fails with one", () => {
    expect(auditVerdict(report({ info: 0, low: 2, moderate: 1, high: 0, critical: 0, total: 3 }), false).code).toBe(0);
    const failed = auditVerdict(report({ info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 }), false);
    expect(failed).toMatchObject({ code: 1, message: expect.stringContaining("1 high or critical") });
    expect(auditVerdict(report({ critical: 2, total: 2 }), false).code).toBe(1);
  });

  it("says NOT CHECKED when the registry cannot audit, fatal only when the audit is required", () => {
    const warned = auditVerdict(refused, false);
    expect(warned.code).toBe(0);
    expect(warned.message).toMatch(/^WARNING: npm audit NOT CHECKED: .*405 Method Not Allowed/);
    expect(auditVerdict(refused, true).code).toBe(1);
    expect(auditVerdict("", false).message).toContain("NOT CHECKED");
    expect(auditVerdict("npm error something broke", true).code).toBe(1);
  });
});
