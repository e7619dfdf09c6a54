import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// What an operator sees when the configuration is wrong: the built console refuses to
// start, with one line naming the variable, and no stack trace.
function startConsole(env: Record<string, string>): Promise<{ code: number | null; output: string; errors: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["next", "start", "-p", "0"], {
      env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), "console-start-")), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      errors += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the console kept running: ${output}`));
    }, 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, errors });
    });
  });
}

const meaningfulLines = (output: string) =>
  output.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("npm warn"));

const cases: [string, Record<string, string>, string][] = [
  [
    "ADAPTY_API_URL=not-a-url",
    { ADAPTY_API_URL: "not-a-url" },
    'ADAPTY_API_URL must be an http(s) URL without credentials, such as https://api.adapty.io (got "not-a-url")',
  ],
  [
    "ADAPTY_TIMEOUT_MS=-1",
    { ADAPTY_TIMEOUT_MS: "-1" },
    "ADAPTY_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000",
  ],
  ["a live key without AUTH_SECRET", { ADAPTY_SECRET_KEY: "secret_live_for_the_test" }, "AUTH_SECRET must be set"],
];

for (const [name, env, expected] of cases) {
  test(`start-up refuses ${name} in one line`, async () => {
    const { code, output, errors } = await startConsole(env);
    expect(code).toBe(1);
    expect(meaningfulLines(errors)).toEqual([expect.stringContaining(expected)]);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(output).not.toContain("secret_live_for_the_test");
  });
}

test("start-up names an unreachable PostgreSQL server in one line", async () => {
  const { code, output, errors } = await startConsole({ DATABASE_URL: "postgres://console@127.0.0.1:1/console" });
  expect(code).toBe(1);
  expect(meaningfulLines(errors)).toEqual([
    "Console cannot start: the PostgreSQL server at DATABASE_URL refused the connection (is it running?)",
  ]);
  expect(output).not.toMatch(/\n\s+at /);
});
