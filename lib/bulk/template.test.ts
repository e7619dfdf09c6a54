import { describe, expect, it } from "vitest";
import { parseBatchFile } from "./parse";
import { TEMPLATE_CSV } from "./template";

describe("TEMPLATE_CSV", () => {
  it("reads without a problem, with every column and each way of using them", () => {
    const file = parseBatchFile(TEMPLATE_CSV, { zone: "Europe/Berlin", reason: "", now: Date.now() });
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.columns).toHaveLength(10);
    expect(file.rows.flatMap((row) => row.problems)).toEqual([]);
    const requests = file.rows.map((row) => row.request);
    expect(requests).toEqual([
      expect.objectContaining({ action: "grant", customer: { customerUserId: "user-1001" }, startsAt: null }),
      expect.objectContaining({ action: "grant", expiresAt: "2035-12-30T23:00:00.000Z" }),
      expect.objectContaining({ action: "revoke", revokeAt: null }),
      expect.objectContaining({ action: "grant", customer: { profileId: "9c1e5a70-0000-4000-8000-000000000001" } }),
    ]);
  });
});
