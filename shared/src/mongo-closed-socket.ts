import type { Socket } from "node:net";
import { MongoNetworkError } from "mongodb";
// @ts-expect-error -- the driver publishes no types for its internals; the shape used is declared below.
import { Connection } from "mongodb/lib/cmap/connection.js";

/**
 * A fix for the MongoDB Node driver (7.9.x): a command written to a connection whose socket
 * has just been destroyed waits for ever.
 *
 * Node destroys a socket at once when the server goes away (`destroyed` is true), but says so
 * ('error', 'close') only in a later turn of the event loop. A command sent in between finds the
 * connection open, writes to the dead socket, which returns false, and waits for a 'drain' that
 * never comes; the connection's clean-up rejects only a pending read, and there is none yet.
 * Measured in `npm run chaos`: after FerretDB was stopped and started, one web process's server
 * monitor hung in this wait, so the driver never checked the server again and that process
 * answered 503 for good while the database was up. A pooled operation caught the same way
 * never settles either, and whoever awaits it (a consumer's batch) hangs with it.
 *
 * The fix: a write fails with a network error when the socket is destroyed before it or closes
 * while it waits. The driver then does what it does for any network error: it marks the
 * server unknown, checks it again, and retries a retryable operation on a new connection.
 */
type DriverConnection = { id: number | "<monitor>"; address: string; socket: Socket };
type WriteCommand = (this: DriverConnection, ...args: unknown[]) => Promise<void>;
const FIXED = Symbol.for("bakery.mongoClosedSocketFix");
type Patchable = { writeCommand: WriteCommand; [FIXED]?: true };

export function failWritesToClosedSockets(): void {
  const prototype = (Connection as { prototype: Patchable }).prototype;
  if (prototype[FIXED]) return;
  const write = prototype.writeCommand;
  prototype.writeCommand = function writeCommand(this: DriverConnection, ...args: unknown[]): Promise<void> {
    const { socket } = this;
    const closed = () => new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
    if (socket.destroyed) return Promise.reject(closed());
    return new Promise<void>((resolve, reject) => {
      const onClose = () => reject(closed());
      socket.once("close", onClose);
      write
        .apply(this, args)
        .then(resolve, reject)
        .finally(() => socket.off("close", onClose));
    });
  };
  prototype[FIXED] = true;
}
