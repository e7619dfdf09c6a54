import { beforeAll, describe, expect, it } from "vitest";

// A live console (an Adapty key set) without ADAPTY_WEBHOOK_AUTHORIZATION: the receiver is
// off, and says how to turn it on, before it reads anything or touches the database.
describe("the webhook receiver in live mode without ADAPTY_WEBHOOK_AUTHORIZATION", () => {
  let receiveWebhook: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    process.env.ADAPTY_SECRET_KEY = "secret_live_abcdefgh";
    process.env.AUTH_SECRET = "x".repeat(32);
    delete process.env.ADAPTY_WEBHOOK_AUTHORIZATION;
    ({ receiveWebhook } = await import("./receive"));
  });

  it("answers 404 whatever is sent, naming the variable", async () => {
    for (const authorization of [null, "anything at all"]) {
      const response = await receiveWebhook(
        new Request("http://console.test/api/adapty/webhook", {
          method: "POST",
          headers: authorization ? { Authorization: authorization } : {},
          body: "{}",
        }),
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: "The webhook receiver is off: set ADAPTY_WEBHOOK_AUTHORIZATION to turn it on.",
      });
    }
  });
});
