import "server-only"; // command-line entry points run under tsx --conditions=react-server
import { loadEnvConfig } from "@next/env";

// Command-line entry points share one rule with the console: a failure is one line that
// says what is wrong, then exit status 1; never a stack trace.
export function runCli(main: () => Promise<void>): void {
  // Read .env and .env.local exactly as `next start` does, so a CLI sees the same configuration.
  loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message || error.name : String(error);
      console.error(message);
      process.exit(1);
    },
  );
}
