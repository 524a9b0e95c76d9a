import { describe, expect, it } from "vitest";
import type { Logger } from "./logger";
import { openWithRetry } from "./open-with-retry";

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  const log: Logger = {
    debug: (msg) => lines.push({ level: "debug", msg }),
    info: (msg) => lines.push({ level: "info", msg }),
    warn: (msg) => lines.push({ level: "warn", msg }),
    error: (msg) => lines.push({ level: "error", msg }),
    child: () => log,
  };
  return { log, lines };
}

const opened = () => {
  let closed = 0;
  return { thing: { close: async () => void closed++ }, closedTimes: () => closed };
};

describe("openWithRetry", () => {
  it("tries again until it opens, and logs a repeated failure once", async () => {
    const { log, lines } = recordingLog();
    const { thing } = opened();
    let attempts = 0;
    const opener = openWithRetry({
      open: async () => {
        if (++attempts < 4) throw new Error("database unreachable");
        return thing;
      },
      log,
    });
    expect(opener.current()).toBeUndefined();
    expect(await opener.ready).toBe(thing);
    expect(opener.current()).toBe(thing);
    expect(attempts).toBe(4);
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(1);
    expect(lines.filter((line) => line.level === "debug")).toHaveLength(2);
    expect(lines.at(-1)?.msg).toContain("open after 4 attempts");
  });

  it("logs again when the failure changes", async () => {
    const { log, lines } = recordingLog();
    let attempts = 0;
    const opener = openWithRetry({
      open: async () => {
        attempts++;
        if (attempts === 1) throw new Error("database unreachable");
        if (attempts === 2) throw new Error("kafka unreachable");
        return opened().thing;
      },
      log,
    });
    await opener.ready;
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(2);
  });

  it("stops trying when closed, and closes an attempt that opens after that", async () => {
    const { log } = recordingLog();
    const { thing, closedTimes } = opened();
    let finish: () => void = () => undefined;
    const opener = openWithRetry({
      open: () => new Promise<typeof thing>((resolve) => (finish = () => resolve(thing))),
      log,
    });
    await opener.close();
    finish();
    await expect(opener.ready).rejects.toThrow("closed before it opened");
    expect(closedTimes()).toBe(1);
    expect(opener.current()).toBeUndefined();
  });

  it("closes what is open", async () => {
    const { log } = recordingLog();
    const { thing, closedTimes } = opened();
    const opener = openWithRetry({ open: async () => thing, log });
    await opener.ready;
    await opener.close();
    expect(closedTimes()).toBe(1);
    expect(opener.current()).toBeUndefined();
  });
});
