import { describe, expect, it } from "vitest";
import { grantSchema, revokeSchema } from "./schema";

const base = {
  profileId: "9c1e5a70-0000-4000-8000-000000000001",
  accessLevelId: "premium",
  reason: "Referral reward",
  idempotencyKey: "5f0e7d2c-1b3a-4c5d-8e9f-0a1b2c3d4e5f",
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? [];

describe("grantSchema", () => {
  it("accepts now-until, scheduled and lifetime grants", () => {
    expect(grantSchema.safeParse({ ...base, startsAt: null, expiresAt: inDays(30) }).success).toBe(true);
    expect(grantSchema.safeParse({ ...base, startsAt: inDays(1), expiresAt: inDays(30), ticket: "ZD-1" }).success).toBe(
      true,
    );
    expect(grantSchema.safeParse({ ...base, startsAt: null, expiresAt: null }).success).toBe(true);
  });
  it("refuses a missing reason, an end before the start, a start in the past, a time without offset", () => {
    expect(issues(grantSchema.safeParse({ ...base, reason: "  ", startsAt: null, expiresAt: null }))).toEqual([
      "reason:reasonRequired",
    ]);
    expect(issues(grantSchema.safeParse({ ...base, startsAt: inDays(5), expiresAt: inDays(2) }))).toEqual([
      "expiresAt:expiryBeforeStart",
    ]);
    expect(issues(grantSchema.safeParse({ ...base, startsAt: inDays(-1), expiresAt: inDays(2) }))).toEqual([
      "startsAt:startInPast",
    ]);
    expect(issues(grantSchema.safeParse({ ...base, startsAt: null, expiresAt: "2027-01-01T00:00:00" }))).toEqual([
      "expiresAt:timeInvalid",
    ]);
    expect(issues(grantSchema.safeParse({ ...base, startsAt: null, expiresAt: null, ticket: "<b>" }))).toEqual([
      "ticket:ticketInvalid",
    ]);
  });
});

describe("revokeSchema", () => {
  it("accepts now and a time, and needs a reason", () => {
    expect(revokeSchema.safeParse({ ...base, revokeAt: null }).success).toBe(true);
    expect(revokeSchema.safeParse({ ...base, revokeAt: "2027-01-01T10:00:00+01:00" }).success).toBe(true);
    expect(issues(revokeSchema.safeParse({ ...base, revokeAt: null, reason: "" }))).toEqual(["reason:reasonRequired"]);
  });
});
