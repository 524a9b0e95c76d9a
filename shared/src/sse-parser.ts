export type SseMessage = { event: string; id?: string; data: string };

/**
 * An incremental server-sent-events parser: feed it chunks as they arrive, get whole
 * messages back. Comments (`: ping`) and field-less blocks (`retry:` only) yield nothing.
 */
export function createSseParser() {
  let buffer = "";
  return {
    push(chunk: string): SseMessage[] {
      buffer += chunk;
      const messages: SseMessage[] = [];
      for (;;) {
        const lf = buffer.indexOf("\n\n");
        const crlf = buffer.indexOf("\r\n\r\n");
        const end = lf >= 0 && (crlf < 0 || lf < crlf) ? lf : crlf;
        if (end < 0) break;
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + (end === crlf ? 4 : 2));
        const message = parseBlock(block);
        if (message) messages.push(message);
      }
      return messages;
    },
    /** Characters held back waiting for the end of a message. */
    get pending(): number {
      return buffer.length;
    },
  };
}

function parseBlock(block: string): SseMessage | undefined {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const raw of block.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return undefined;
  return { event, ...(id === undefined ? {} : { id }), data: data.join("\n") };
}
