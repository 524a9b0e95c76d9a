// A web process without its HTTP server: the context (projector, feed, outbox) started
// the way instrumentation.ts starts it, for tests that signal or kill a web process.
import { boot } from "../../src/server/boot";
import { getContext } from "../../src/server/context";

await boot();
// boot() stops waiting after a while (the server then answers 503 until the context opens): wait for it.
await getContext();
process.stdout.write("web consumers started\n");
