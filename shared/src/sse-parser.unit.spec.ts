import { describe, expect, it } from "vitest";
import { createSseParser } from "./sse-parser";

describe("createSseParser", () => {
  it("yields a message once its blank line arrives, across chunks", () => {
    const parser = createSseParser();
    expect(parser.push("retry: 2000\n\nid: e1\nevent: upd")).toEqual([]);
    expect(parser.push('ate\ndata: {"a":1}\n')).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "update", id: "e1", data: '{"a":1}' }]);
    expect(parser.pending).toBe(0);
  });

  it("skips pings and returns several messages from one chunk", () => {
    const parser = createSseParser();
    const messages = parser.push(": ping\n\nevent: snapshot\ndata: 1\n\ndata: 2\ndata: 3\n\n");
    expect(messages).toEqual([
      { event: "snapshot", data: "1" },
      { event: "message", data: "2\n3" },
    ]);
  });

  it("accepts CRLF line ends", () => {
    expect(createSseParser().push("event: x\r\ndata: y\r\n\r\n")).toEqual([{ event: "x", data: "y" }]);
  });
});
