/**
 * Every process group we start is listed here so that nothing outlives us: on exit we
 * SIGKILL what is left (nothing can be awaited in an exit handler), and on SIGINT/SIGTERM
 * either the owner's graceful handler runs or, for library users, the groups get SIGTERM.
 */
const liveGroups = new Set<number>();
let shutdownHandler: ((signal: NodeJS.Signals) => void) | undefined;
let hooksInstalled = false;
let firstSignalAt: number | undefined;

/**
 * tsx relays the terminal's SIGINT to its child, which got the same SIGINT from the
 * terminal already: one Ctrl-C arrives twice within milliseconds. Only a signal after
 * this window means "stop waiting, kill now".
 */
const DUPLICATE_SIGNAL_WINDOW_MS = 1_000;

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export function trackGroup(pgid: number): void {
  installHooks();
  liveGroups.add(pgid);
}

export function untrackGroup(pgid: number): void {
  liveGroups.delete(pgid);
}

/** Lets a CLI run an orderly stop on the first signal; a second signal forces exit. */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  installHooks();
  shutdownHandler = handler;
}

export function signalAllGroups(signal: NodeJS.Signals): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  }
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => signalAllGroups("SIGKILL"));
  for (const signal of Object.keys(SIGNAL_NUMBERS) as NodeJS.Signals[]) {
    process.on(signal, () => handleSignal(signal));
  }
}

function handleSignal(signal: NodeJS.Signals): void {
  const exitCode = 128 + (SIGNAL_NUMBERS[signal] ?? 0);
  if (shutdownHandler && firstSignalAt === undefined) {
    firstSignalAt = Date.now();
    shutdownHandler(signal);
    return;
  }
  if (shutdownHandler && Date.now() - (firstSignalAt ?? 0) < DUPLICATE_SIGNAL_WINDOW_MS) return;
  if (shutdownHandler) process.stderr.write(`[stack] second ${signal}: killing everything now\n`);
  else signalAllGroups("SIGTERM");
  process.exit(exitCode);
}
