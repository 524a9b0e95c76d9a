import { createSseParser } from "@bakery/shared/sse-parser";

export type SseMessage = { event: string; id?: string; data: unknown };

/** Reads server-sent events from a streaming Response, one message at a time, its data parsed as JSON. */
export async function* readEvents(response: Response): AsyncGenerator<SseMessage> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  const parser = createSseParser();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    for (const message of parser.push(decoder.decode(chunk, { stream: true })))
      yield { ...message, data: JSON.parse(message.data) as unknown };
  }
}
