import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractViolations } from "@/server/adapty/openapi/contract";
import { getSpec } from "@/server/adapty/openapi/spec";
import { ADAPTY_PATHS } from "@/server/adapty/paths";
import { startStandaloneSandbox } from "./standalone";

// The request examples in Adapty's own OpenAPI file, replayed against the sandbox over
// HTTP: each must be answered as Adapty documents it, in a body that fits the file.
const KEY = "secret_examples_key";
let sandbox: Awaited<ReturnType<typeof startStandaloneSandbox>>;
beforeAll(async () => {
  sandbox = await startStandaloneSandbox({ port: 0, apiKey: KEY, dataDir: undefined });
});
afterAll(() => sandbox.close());

type Operation = {
  requestBody?: {
    content?: { "application/json"?: { example?: unknown; examples?: Record<string, { value: unknown }> } };
  };
};

function examplesOf(path: string, method: string): [string, unknown][] {
  const operation = (getSpec().paths as Record<string, Record<string, Operation>>)[path]?.[method];
  const content = operation?.requestBody?.content?.["application/json"];
  const named = Object.entries(content?.examples ?? {}).map(([name, example]): [string, unknown] => [
    name,
    example.value,
  ]);
  return content?.example !== undefined ? [["example", content.example], ...named] : named;
}

async function replay(method: string, path: string, user: string, body: unknown) {
  const response = await fetch(sandbox.url + path, {
    method,
    headers: { Authorization: `Api-Key ${KEY}`, "Content-Type": "application/json", "adapty-customer-user-id": user },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(contractViolations(method, path, response.status, text)).toEqual([]);
  return { status: response.status, body: JSON.parse(text) as { error_code?: string } };
}

describe("Adapty's request examples", () => {
  it("has examples for create, grant and revoke", () => {
    expect(examplesOf(ADAPTY_PATHS.profile, "post")).toHaveLength(1);
    expect(examplesOf(ADAPTY_PATHS.grant, "post").map(([name]) => name)).toEqual([
      "immediate_grant",
      "scheduled_grant",
      "lifetime_grant",
    ]);
    expect(examplesOf(ADAPTY_PATHS.revoke, "post").map(([name]) => name)).toEqual([
      "immediate_revoke",
      "scheduled_revoke",
    ]);
  });

  it("creates a profile from the create example", async () => {
    const [[, body]] = examplesOf(ADAPTY_PATHS.profile, "post") as [[string, unknown]];
    expect((await replay("POST", ADAPTY_PATHS.profile, "example-user", body)).status).toBe(200);
  });

  it("updates a profile with the ProfileRequest schema's example", async () => {
    const example = (getSpec().components as Record<string, Record<string, { example: unknown }>>).schemas
      ?.ProfileRequest?.example;
    expect((await replay("PATCH", ADAPTY_PATHS.profile, "demo-no-access", example)).status).toBe(200);
  });

  it.each(examplesOf(ADAPTY_PATHS.grant, "post"))("grants with %s", async (_name, body) => {
    expect((await replay("POST", ADAPTY_PATHS.grant, "demo-no-access", body)).status).toBe(200);
  });

  it("revokes immediately, and refuses the scheduled example whose date has passed", async () => {
    const [[, immediate], [, scheduled]] = examplesOf(ADAPTY_PATHS.revoke, "post") as [
      [string, unknown],
      [string, unknown],
    ];
    expect((await replay("POST", ADAPTY_PATHS.revoke, "demo-active-renewing", immediate)).status).toBe(200);
    // The example's revoke_at is 2024-12-31: in the past now, which Adapty refuses.
    const refused = await replay("POST", ADAPTY_PATHS.revoke, "demo-renewal-cancelled", scheduled);
    expect(refused).toMatchObject({ status: 400, body: { error_code: "value_error" } });
  });
});
