// Preloaded with NODE_OPTIONS="--import <this file>" when the bench runs with --profile:
// Node 20 refuses --cpu-prof in NODE_OPTIONS, so the V8 profiler is driven through the
// inspector instead. The profile is written when the process exits (next start and the
// workers exit on SIGTERM), named CPU.bench.<time>.<pid>.0.cpuprofile like --cpu-prof's.
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  let written = false;
  process.on("exit", () => {
    if (written) return;
    written = true;
    // A session on the main thread answers synchronously, so this works inside "exit".
    session.post("Profiler.stop", (err, result) => {
      if (!err && result)
        writeFileSync(join(dir, `CPU.bench.${Date.now()}.${process.pid}.0.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
