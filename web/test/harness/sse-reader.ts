export type SseMessage = { event: string; id?: string; data: unknown };

/** Reads server-sent events from a streaming Response, one parsed message at a time. */
export async function* readEvents(response: Response): AsyncGenerator<SseMessage> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split("\n")
          .filter((line) => line && !line.startsWith(":"))
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]),
      );
      if (fields.data !== undefined)
        yield {
          event: fields.event ?? "message",
          ...(fields.id ? { id: fields.id } : {}),
          data: JSON.parse(fields.data) as unknown,
        };
    }
  }
}
