// A web process without its HTTP server: the context (projector, feed, outbox) started
// the way instrumentation.ts starts it, for tests that signal or kill a web process.
import { boot } from "../../src/server/boot";

await boot();
process.stdout.write("web consumers started\n");
