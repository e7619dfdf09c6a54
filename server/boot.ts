import "server-only";
import { getDatabaseHandle } from "@/server/db";
import { getEnv, isBuildPhase } from "@/server/env";
import { getAuthSecret } from "@/server/env/auth-secret";
import { ensureDemoStaff } from "@/server/auth/staff";
import { startMaintenance } from "@/server/maintenance";
import { startBulkWorkers } from "@/server/bulk/queue";
import { provideInProcessAdapty } from "@/server/adapty";
import { getEmbeddedSandbox } from "@/server/adapty-sandbox/embedded";
import { webhookAuthorization } from "@/server/webhooks/authorization";
import { receiveWebhook } from "@/server/webhooks/receive";

/**
 * Start-up: prove the configuration, open and migrate the database, settle the session
 * key. Anything wrong stops the console with one line that says what, not a stack trace.
 */
export async function bootConsole(): Promise<void> {
  if (isBuildPhase()) return; // nothing touches the database while `next build` runs
  try {
    const env = getEnv();
    const database = await getDatabaseHandle();
    getAuthSecret();
    if (env.mode === "sandbox") {
      // The built-in sandbox is handed to the Adapty client here, the one place that knows both.
      const sandbox = getEmbeddedSandbox();
      provideInProcessAdapty(sandbox);
      // Its webhooks go to this console's own receiver, in process and through exactly the
      // receiver's checks, with ADAPTY_WEBHOOK_AUTHORIZATION or the value generated for it.
      sandbox.webhooks.configure({
        url: "http://in-process/api/adapty/webhook",
        authorization: webhookAuthorization() ?? null,
        send: receiveWebhook,
      });
      await ensureDemoStaff();
    }
    const adapty = env.mode === "sandbox" ? "built-in Adapty sandbox" : `Adapty at ${env.adapty.apiUrl}`;
    console.info(
      `Console ready: ${env.mode} mode, ${adapty}, ${database.kind === "pglite" ? "embedded database" : "PostgreSQL"}.`,
    );
    // Settles what an earlier stop left open, now and every RECONCILE_INTERVAL_SECONDS.
    startMaintenance();
    // Bulk batches: this instance takes its share of the queued work (and of running
    // batches an earlier stop left, which maintenance re-queues).
    await startBulkWorkers();
  } catch (error) {
    console.error(`Console cannot start: ${describeStartupError(error)}`);
    process.exit(1);
  }
}

function describeStartupError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // pg reports an unreachable server as an AggregateError with an empty message.
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return "the PostgreSQL server at DATABASE_URL refused the connection (is it running?)";
  return error.message || code || error.name;
}
