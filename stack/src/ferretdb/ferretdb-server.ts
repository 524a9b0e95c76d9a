import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileTail } from "../processes/file-tail";
import { mongoAnswersPing } from "./ferretdb-ready";
import { scoped, seconds, type StackLog } from "../log";
import { provisionFerretDb, type FerretDbInstall } from "./provision-ferretdb";
import { spawnGroup, type ExitInfo } from "../processes/spawn-group";
import { StackError } from "../stack-errors";
import { waitUntil } from "../wait-until";
import { assertPortsFree, waitForPort } from "../wait-for-port";

export type StartFerretDbOptions = {
  port: number;
  /** SQLite files (one per database) and ferretdb.log; reuse it to keep data across restarts. */
  dataDir: string;
  log: StackLog;
  install?: FerretDbInstall;
  startTimeoutMs?: number;
};

export type FerretDbHandle = {
  url: string;
  /** The server's process group, for a caller that means to kill or freeze it (fault injection). */
  pid: number;
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
};

/** FerretDB 1.24 with the SQLite backend: a MongoDB wire-protocol server without MongoDB. */
export async function startFerretDb(opts: StartFerretDbOptions): Promise<FerretDbHandle> {
  const log = scoped(opts.log, "ferretdb");
  const install = opts.install ?? (await provisionFerretDb({ log: opts.log }));
  await assertPortsFree([{ port: opts.port, what: "ferretdb" }]);

  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const logFile = join(dataDir, "ferretdb.log");
  const url = `mongodb://127.0.0.1:${opts.port}/`;
  const started = Date.now();
  const server = spawnGroup({
    name: "ferretdb",
    command: install.binary,
    args: ["-listen-addr", `127.0.0.1:${opts.port}`, "-data-dir", dataDir, "-log-level", "error", "-exit-with-parent"],
    env: { ...process.env, DO_NOT_TRACK: "1" },
    output: { kind: "file", path: logFile },
    dieWithParent: true,
  });
  const died = server.exited.then(async (exit) => {
    const tail = await fileTail(logFile);
    throw new StackError(
      `ferretdb exited during start-up (code ${exit.code ?? exit.signal})${tail ? `:\n${tail}` : ""}`,
    );
  });
  died.catch(() => undefined);

  try {
    const timeoutMs = opts.startTimeoutMs ?? 30_000;
    log.info("waiting for the port, then a mongodb ping", { url });
    await waitForPort(opts.port, { timeoutMs, abandonWhen: died, what: `ferretdb to listen on ${url}` });
    await waitUntil(() => mongoAnswersPing(url), {
      what: `ferretdb at ${url} to answer ping`,
      timeoutMs,
      abandonWhen: died,
    });
  } catch (err) {
    await server.stop(5_000);
    throw err;
  }
  log.info("ready", { url, version: install.version, took: seconds(started) });

  return {
    url,
    pid: server.pid,
    exited: server.exited,
    stop: async () => {
      await server.stop(10_000);
      log.info("stopped");
    },
  };
}
