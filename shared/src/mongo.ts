import {
  MongoBulkWriteError,
  MongoClient,
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Collection,
  type Db,
  type Document,
  type OptionalUnlessRequiredId,
} from "mongodb";
import { DEFAULT_DEPENDENCY_TIMEOUT_MS } from "./env";
import type { Logger } from "./logger";
import { failWritesToClosedSockets } from "./mongo-closed-socket";

/** How long connecting waits for the first answer: a busy machine may take more than one short wait. */
const CONNECT_WITHIN_MS = 10_000;

/**
 * Connects to the database. `unreachableAfterMs` bounds how long an operation waits for a
 * server that does not answer (down, restarting): the driver may retry an operation once
 * after a network error, so each wait gets half of it. A known server is selected at once,
 * so this limits nothing while the database is up, however slow a query is. Connecting
 * itself tries again for up to 10 s.
 */
export async function connectMongo(
  url: string,
  dbName: string,
  options: { unreachableAfterMs?: number; log?: Logger } = {},
): Promise<{ client: MongoClient; db: Db }> {
  failWritesToClosedSockets();
  const unreachableAfterMs = options.unreachableAfterMs ?? DEFAULT_DEPENDENCY_TIMEOUT_MS;
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: Math.max(100, Math.floor(unreachableAfterMs / 2)),
    maxPoolSize: 20,
  });
  if (options.log) logReachability(client, options.log);
  const deadline = Date.now() + CONNECT_WITHIN_MS;
  for (;;) {
    try {
      await client.connect();
      return { client, db: client.db(dbName) };
    } catch (err) {
      if (Date.now() < deadline && isDatabaseUnreachable(err)) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      await client.close().catch(() => undefined);
      throw err;
    }
  }
}

/**
 * Logs when the database stops answering and when it answers again, once each: during an
 * outage every operation fails, and logging each of them would bury the one line that matters.
 */
function logReachability(client: MongoClient, log: Logger): void {
  // Unknown until it first answered or failed: a start that cannot connect is reported by its caller.
  let reachable: boolean | undefined;
  client.on("serverDescriptionChanged", ({ address, newDescription }) => {
    const now = newDescription.type !== "Unknown";
    if (now === reachable) return;
    if (reachable === true) log.warn("database unreachable", { address, reason: newDescription.error?.message });
    if (reachable === false && now) log.info("database answers again", { address });
    reachable = now;
  });
}

/**
 * The driver reports a network error or a timeout met during an insertMany as a
 * MongoBulkWriteError that carries the original error as its response: the error that happened.
 */
const underlying = (err: unknown): unknown =>
  err instanceof MongoBulkWriteError && err.errorResponse instanceof Error ? err.errorResponse : err;

/** The database could not be reached or did not answer in time: nothing is known about the write. */
export function isDatabaseUnreachable(err: unknown): boolean {
  const cause = underlying(err);
  return (
    cause instanceof MongoNetworkError ||
    cause instanceof MongoServerSelectionError ||
    cause instanceof MongoOperationTimeoutError ||
    cause instanceof MongoTopologyClosedError ||
    cause instanceof MongoServerClosedError ||
    cause instanceof MongoNotConnectedError ||
    cause instanceof MongoClientClosedError ||
    (cause instanceof Error && cause.name === "MongoWaitQueueTimeoutError") ||
    isSocketError(cause)
  );
}

/**
 * The driver passes some socket errors on as they are: a write to a connection the server
 * closed rejects with Node's own EPIPE ("This socket has been ended by the other party").
 */
const SOCKET_ERROR_CODES = new Set([
  "EPIPE",
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTCONN",
  "ERR_SOCKET_CLOSED",
  "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END",
]);
const isSocketError = (err: unknown): boolean =>
  err instanceof Error && "code" in err && typeof err.code === "string" && SOCKET_ERROR_CODES.has(err.code);

const writeErrorsOf = (err: MongoBulkWriteError) =>
  Array.isArray(err.writeErrors) ? err.writeErrors : err.writeErrors ? [err.writeErrors] : [];

/**
 * The server refused these writes as duplicates, and nothing else went wrong. A bulk error
 * that wraps a network error or a timeout has no write errors and says nothing about what
 * was stored; one whose write errors and inserts do not add up to every document stopped
 * half-way. Neither is "already there".
 */
function onlyDuplicates(err: unknown, attempted: number): err is MongoBulkWriteError {
  if (!(err instanceof MongoBulkWriteError) || err.errorResponse instanceof Error) return false;
  if (err.result.getWriteConcernError()) return false;
  const errors = writeErrorsOf(err);
  return (
    errors.length > 0 &&
    errors.every((writeError) => writeError.code === 11000) &&
    err.insertedCount + errors.length === attempted
  );
}

/** A single insert hit a unique index: the document is there already. */
export const isDuplicateKeyError = (err: unknown): boolean =>
  err instanceof MongoBulkWriteError
    ? onlyDuplicates(err, err.insertedCount + writeErrorsOf(err).length)
    : err instanceof MongoServerError && err.code === 11000;

/**
 * Inserts what is new and skips what is already there. Insert-only records keyed by a
 * unique id are how this system stays correct without atomic updates (FerretDB has none):
 * a duplicate key means "this already happened", never an error.
 * Returns the documents that were new.
 */
export async function insertNew<T extends Document>(collection: Collection<T>, docs: readonly T[]): Promise<T[]> {
  if (docs.length === 0) return [];
  try {
    await collection.insertMany(docs.map((doc) => ({ ...doc })) as OptionalUnlessRequiredId<T>[], { ordered: false });
    return [...docs];
  } catch (err) {
    // Anything but a clean "these were there already" is thrown, as the error that happened:
    // during an outage a write must fail, never pass for stored or for a duplicate.
    if (!onlyDuplicates(err, docs.length)) throw underlying(err);
    const duplicates = new Set(writeErrorsOf(err).map((writeError) => writeError.index));
    return docs.filter((_, i) => !duplicates.has(i));
  }
}
