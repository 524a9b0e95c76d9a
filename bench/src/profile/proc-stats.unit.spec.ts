import { describe, expect, it } from "vitest";
import { listeningInodes, parseCpuTotals, parseRssKb, parseStat } from "./proc-stats";

describe("parseStat", () => {
  it("reads pid, names with spaces and parentheses, ppid, group and CPU ticks", () => {
    const line = "4242 (next-server (v16)) S 4200 4100 4100 0 -1 4194560 9 0 0 0 1234 567 0 0 20 0 11 0 100 1 2";
    expect(parseStat(line)).toEqual({
      pid: 4242,
      comm: "next-server (v16)",
      state: "S",
      ppid: 4200,
      pgrp: 4100,
      utime: 1234,
      stime: 567,
    });
  });

  it("gives up on garbage", () => {
    expect(parseStat("nonsense")).toBeUndefined();
  });
});

describe("parseRssKb", () => {
  it("reads VmRSS", () => {
    expect(parseRssKb("Name:\tnode\nVmPeak:\t 1 kB\nVmRSS:\t  146604 kB\nThreads: 11\n")).toBe(146604);
    expect(parseRssKb("Name:\tzombie\n")).toBe(0);
  });
});

describe("parseCpuTotals", () => {
  it("splits busy from idle (idle + iowait)", () => {
    expect(parseCpuTotals("cpu  100 5 50 1000 20 0 3 0 0 0\ncpu0 1 2 3\n")).toEqual({ busy: 158, idle: 1020 });
  });
});

describe("listeningInodes", () => {
  it("finds the listening sockets of a port, not its connections", () => {
    const text = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:B7D3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 19199 1 0 100 0 0 10 0",
      "   1: 0100007F:B7D3 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 20001 1 0 100 0 0 10 0",
      "   2: 0100007F:0CE5 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 30000 1 0 100 0 0 10 0",
    ].join("\n");
    expect(listeningInodes(text, 47059)).toEqual(["19199"]);
    expect(listeningInodes(text, 3301)).toEqual(["30000"]);
    expect(listeningInodes(text, 1)).toEqual([]);
  });
});
