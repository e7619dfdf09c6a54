import { describe, expect, it } from "vitest";
import { contractViolations } from "./contract";
import { getSpec } from "./spec";

const PROFILE_PATH = "/api/v2/server-side-api/profile/";
const profile = {
  app_id: "14c3d623-2f3a-455a-aa86-ef83dff6913b",
  profile_id: "3286abd3-48b0-4e9c-a5f6-ac0a006804a6",
  customer_user_id: null,
  total_revenue_usd: 0,
  segment_hash: "8f45947bad31ab0c",
  timestamp: 1736425645861,
  custom_attributes: [],
  access_levels: [{ access_level_id: "premium", expires_at: null, starts_at: "2024-01-01T00:00:00+0000" }],
  subscriptions: [],
  non_subscriptions: [],
};

describe("contractViolations", () => {
  it("accepts a conforming profile, error body and empty 204", () => {
    expect(contractViolations("GET", PROFILE_PATH, 200, JSON.stringify({ data: profile }))).toEqual([]);
    const error = {
      errors: [{ source: null, errors: ["Profile not found"] }],
      error_code: "profile_does_not_exist",
      status_code: 404,
    };
    expect(contractViolations("GET", PROFILE_PATH, 404, JSON.stringify(error))).toEqual([]);
    expect(contractViolations("DELETE", PROFILE_PATH, 204, "")).toEqual([]);
  });

  it("flags a missing required field, a wrong type and a bad format", () => {
    const { segment_hash: _omitted, ...withoutHash } = profile;
    expect(contractViolations("GET", PROFILE_PATH, 200, JSON.stringify({ data: withoutHash }))).toEqual([
      "GET /api/v2/server-side-api/profile/ → 200: data.segment_hash This field is required.",
    ]);
    expect(
      contractViolations("GET", PROFILE_PATH, 200, JSON.stringify({ data: { ...profile, timestamp: "now" } })),
    ).toHaveLength(1);
    expect(
      contractViolations("GET", PROFILE_PATH, 200, JSON.stringify({ data: { ...profile, app_id: "x" } }))[0],
    ).toContain("uuid");
  });

  it("flags an undeclared success status, a body where none is declared, and a non-JSON body", () => {
    expect(contractViolations("GET", PROFILE_PATH, 201, "{}")[0]).toContain("status not declared");
    expect(contractViolations("DELETE", PROFILE_PATH, 204, "{}")[0]).toContain("declares no body");
    expect(contractViolations("GET", PROFILE_PATH, 200, "<html>")[0]).toContain("not JSON");
    expect(contractViolations("GET", PROFILE_PATH, 400, JSON.stringify({ detail: "x" })).length).toBeGreaterThan(0);
  });

  it("reads the operations from Adapty's own file", () => {
    const paths = Object.keys(getSpec().paths as object);
    expect(paths).toContain(PROFILE_PATH);
    expect(paths).toHaveLength(12);
  });
});
