import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ADAPTY_PATHS } from "@/server/adapty/paths";
import type { WebhookEvent } from "./webhooks/envelope";

// The sandbox inside the console: its webhooks wait until the console configures them with an
// in-process receiver, then the demo history goes first and the sandbox's own changes follow.
const dataDir = mkdtempSync(path.join(tmpdir(), "embedded-sandbox-"));
vi.stubEnv("DATA_DIR", dataDir);
vi.stubEnv("SANDBOX_API_KEY", "embedded-key");
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded sandbox webhooks", () => {
  it("queues until configured, then delivers history and a grant through the given send", async () => {
    const { getEmbeddedSandbox } = await import("./embedded");
    const sandbox = getEmbeddedSandbox();
    const granted = await sandbox.handle(
      new Request(`http://in-process${ADAPTY_PATHS.grant}`, {
        method: "POST",
        headers: { Authorization: "Api-Key embedded-key", "adapty-customer-user-id": "demo-no-access" },
        body: JSON.stringify({ access_level_id: "premium" }),
      }),
    );
    expect(granted.status).toBe(200);
    expect(sandbox.webhooks.status()).toMatchObject({ url: null, queued: 1 });

    const received: { authorization: string | null; event: WebhookEvent }[] = [];
    sandbox.webhooks.configure({
      url: "http://in-process/api/adapty/webhook",
      authorization: "Bearer in-process",
      send: async (request) => {
        received.push({
          authorization: request.headers.get("authorization"),
          event: (await request.json()) as WebhookEvent,
        });
        return Response.json({});
      },
    });
    await vi.waitFor(() => expect(sandbox.webhooks.status().queued).toBe(0), { timeout: 5_000, interval: 10 });
    expect(received.length).toBeGreaterThan(100);
    expect(received.every((entry) => entry.authorization === "Bearer in-process")).toBe(true);
    const noAccess = received.filter((entry) => entry.event.customer_user_id === "demo-no-access");
    expect(noAccess.map((entry) => entry.event.event_properties.vendor_product_id)).toEqual([
      "adapty_server_side_product",
    ]);
    // The history went first (oldest first), before the grant that was made earlier.
    const times = received.map((entry) => entry.event.event_datetime);
    expect(times[0]).toBe([...times].sort()[0]);
    expect(received[0]?.event.customer_user_id).not.toBe("demo-no-access");
    sandbox.webhooks.close();
  });
});
