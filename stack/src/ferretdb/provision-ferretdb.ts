import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot } from "../provision/cache-dir";
import { requireTool } from "../provision/find-on-path";
import { installOnce } from "../provision/install-once";
import { seconds, type StackLog } from "../log";
import type { ProvisionOptions } from "../provision/provision-options";
import { startProgressTicker } from "../provision/progress-ticker";
import { runChecked } from "../processes/run-checked";

/** Must match the `require` in stack/ferretdb/go.mod (a unit test checks it). */
export const FERRETDB_VERSION = "1.24.2";

export const FERRETDB_SOURCE_DIR = fileURLToPath(new URL("../../ferretdb/", import.meta.url));

export type FerretDbInstall = {
  version: string;
  binary: string;
};

/**
 * FerretDB 1.24's SQLite backend filters `_id` through `->'$._id'` but indexes `->"_id"`;
 * SQLite uses an expression index only for the same expression, so every `_id` lookup was
 * a table scan (64 ms at 50k documents, 1.8 ms with this line changed). We build with it
 * changed; both expressions read the same value, and existing indexes start being used.
 */
export const ID_LOOKUP_FIX = {
  file: "internal/backends/sqlite/metadata/metadata.go",
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + `->"_id"`',
};

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
  hash.update(JSON.stringify(ID_LOOKUP_FIX));
  return hash.digest("hex").slice(0, 16);
}

async function buildBinary(output: string, log: StackLog, signal?: AbortSignal): Promise<void> {
  const go = requireTool("go", `to build FerretDB ${FERRETDB_VERSION} (Go >= 1.24)`);
  log.info("building ferretdb (first run only; a cold build takes a few minutes)", { version: FERRETDB_VERSION });
  let compiled = 0;
  let downloaded = 0;
  const stopTicker = startProgressTicker(
    log,
    "ferretdb build",
    () => `${downloaded} modules downloaded, ${compiled} packages compiled`,
  );
  const scratch = await mkdtemp(join(tmpdir(), "bakery-ferretdb-build-"));
  try {
    const buildDir = await sourceWithIdLookupFix(go, scratch, signal);
    await runChecked({
      what: "building ferretdb",
      signal,
      name: "go build",
      command: go,
      // -v names each package as it compiles: our only progress signal.
      args: ["build", "-v", "-trimpath", "-ldflags=-s -w", "-o", output, "."],
      cwd: buildDir,
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
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Our main plus a copy of the FerretDB module with ID_LOOKUP_FIX applied, wired by a `replace`. */
async function sourceWithIdLookupFix(go: string, scratch: string, signal?: AbortSignal): Promise<string> {
  const goEnv = { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" };
  let downloaded = "";
  await runChecked({
    what: "downloading the ferretdb module",
    signal,
    name: "go mod download",
    command: go,
    args: ["mod", "download", "-json", `github.com/FerretDB/FerretDB@v${FERRETDB_VERSION}`],
    cwd: FERRETDB_SOURCE_DIR,
    env: goEnv,
    // stdout carries the JSON; stderr's "go: downloading" lines come through the same callback.
    output: { kind: "lines", onLine: (line) => void (line.startsWith("go: ") || (downloaded += line)) },
  });
  const moduleDir = (JSON.parse(downloaded) as { Dir: string }).Dir;
  const patched = join(scratch, "ferretdb-module");
  await cp(moduleDir, patched, { recursive: true });
  const target = join(patched, ID_LOOKUP_FIX.file);
  await chmod(target, 0o644);
  const source = await readFile(target, "utf8");
  if (!source.includes(ID_LOOKUP_FIX.from))
    throw new Error(`ferretdb ${FERRETDB_VERSION}: ${ID_LOOKUP_FIX.file} no longer has the line the fix replaces`);
  await writeFile(target, source.replace(ID_LOOKUP_FIX.from, ID_LOOKUP_FIX.to));

  const buildDir = join(scratch, "build");
  await mkdir(buildDir);
  for (const file of ["main.go", "go.mod", "go.sum"])
    await copyFile(join(FERRETDB_SOURCE_DIR, file), join(buildDir, file));
  await runChecked({
    what: "pointing the build at the fixed module",
    signal,
    name: "go mod edit",
    command: go,
    args: ["mod", "edit", `-replace=github.com/FerretDB/FerretDB=${patched}`],
    cwd: buildDir,
    env: goEnv,
    output: { kind: "lines", onLine: () => undefined },
  });
  return buildDir;
}
