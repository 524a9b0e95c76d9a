/**
 * Errors a person can act on: the CLI prints their message as one line, without a
 * stack trace, because the trace would only bury the instruction.
 */
export class StackError extends Error {
  override name = "StackError";
}

export class MissingToolError extends StackError {
  override name = "MissingToolError";
  constructor(
    readonly tool: string,
    purpose: string,
  ) {
    super(`'${tool}' was not found on PATH; it is needed ${purpose}. Install it and retry.`);
  }
}

export class PortInUseError extends StackError {
  override name = "PortInUseError";
  constructor(
    readonly port: number,
    what: string,
    envVar?: string,
  ) {
    super(
      `port ${port} (${what}) is already in use on 127.0.0.1` +
        (envVar ? `: stop what holds it or choose another with ${envVar}` : ""),
    );
  }
}

/** One actionable line for a StackError; anything unexpected keeps its stack trace. */
export function describeError(err: unknown): string {
  return err instanceof StackError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
}
