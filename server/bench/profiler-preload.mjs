// Loaded into the console by `npm run bench -- --profile` (node --import): the first SIGUSR2
// starts V8's CPU profiler, the second writes the profile to BENCH_CPU_PROFILE, so the
// server's start-up and warm-up stay out of what is measured.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

let session;
process.on("SIGUSR2", () => {
  if (!session) {
    session = new Session();
    session.connect();
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    return;
  }
  session.post("Profiler.stop", (error, result) => {
    writeFileSync(process.env.BENCH_CPU_PROFILE, error ? "" : JSON.stringify(result.profile));
    session.disconnect();
    session = undefined;
  });
});
