import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot } from "./cache-dir.js";
import { requireTool } from "./find-on-path.js";
import { installOnce } from "./install-once.js";
import { seconds, type StackLog } from "./log.js";
import type { ProvisionOptions } from "./provision-options.js";
import { startProgressTicker } from "./progress-ticker.js";
import { runChecked } from "./run-checked.js";

/** Must match the `require` in stack/ferretdb/go.mod (a unit test checks it). */
export const FERRETDB_VERSION = "1.24.2";

export const FERRETDB_SOURCE_DIR = fileURLToPath(new URL("../ferretdb/", import.meta.url));

export interface FerretDbInstall {
  version: string;
  binary: string;
}

/** Builds stack/ferretdb once per version and source; later calls only read a stamp file. */
export async function provisionFerretDb({ log, signal }: ProvisionOptions): Promise<FerretDbInstall> {
  const dir = join(cacheRoot(), `ferretdb-${FERRETDB_VERSION}`);
  const binary = join(dir, "ferretdb");
  const started = Date.now();
  const { built } = await installOnce({
    dir,
    stamp: `ferretdb ${FERRETDB_VERSION} source ${sourceHash()}\n`,
    build: (work) => buildBinary(join(work, "ferretdb"), log, signal),
  });
  if (built) log.info("ferretdb built", { version: FERRETDB_VERSION, took: seconds(started), binary });
  return { version: FERRETDB_VERSION, binary };
}

/** Part of the stamp, so editing main.go or bumping go.mod rebuilds instead of reusing. */
function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of ["main.go", "go.mod", "go.sum"]) hash.update(readFileSync(join(FERRETDB_SOURCE_DIR, file)));
  return hash.digest("hex").slice(0, 16);
}

async function buildBinary(output: string, log: StackLog, signal?: AbortSignal): Promise<void> {
  const go = requireTool("go", `to build FerretDB ${FERRETDB_VERSION} (Go >= 1.24)`);
  log.info("building ferretdb (first run only; a cold build takes a few minutes)", { version: FERRETDB_VERSION });
  let compiled = 0;
  let downloaded = 0;
  const stopTicker = startProgressTicker(log, "ferretdb build", () => `${downloaded} modules downloaded, ${compiled} packages compiled`);
  try {
    await runChecked({
      what: "building ferretdb",
      signal,
      name: "go build",
      command: go,
      // -v names each package as it compiles: our only progress signal.
      args: ["build", "-v", "-trimpath", "-ldflags=-s -w", "-o", output, "."],
      cwd: FERRETDB_SOURCE_DIR,
      // Pure-Go SQLite needs no cgo; GOTOOLCHAIN=local stops go from fetching another toolchain.
      env: { ...process.env, CGO_ENABLED: "0", GOTOOLCHAIN: "local", GOFLAGS: "-mod=readonly -buildvcs=false" },
      output: {
        kind: "lines",
        onLine: (line) => {
          if (line.startsWith("go: downloading")) downloaded += 1;
          else if (!line.startsWith("#")) compiled += 1;
        },
      },
    });
  } finally {
    stopTicker();
  }
}
