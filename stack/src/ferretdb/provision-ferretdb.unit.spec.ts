import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FERRETDB_SOURCE_DIR, FERRETDB_VERSION } from "./provision-ferretdb";

describe("FERRETDB_VERSION", () => {
  it("is the version stack/ferretdb/go.mod builds", () => {
    const goMod = readFileSync(join(FERRETDB_SOURCE_DIR, "go.mod"), "utf8");
    expect(goMod).toMatch(new RegExp(`github\\.com/FerretDB/FerretDB v${FERRETDB_VERSION.replace(/\./g, "\\.")}\\b`));
  });
});
