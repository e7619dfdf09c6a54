import { describe, expect, it } from "vitest";
import { combineSearch, type SearchCandidate } from "./combine";

const candidate = (profileId: string, extra: Partial<SearchCandidate> = {}): SearchCandidate => ({
  profileId,
  customerUserId: null,
  email: null,
  lastEventType: null,
  lastEventAt: null,
  accessLevels: null,
  accessSeenAt: null,
  ...extra,
});

describe("combineSearch", () => {
  it("opens the one customer both Adapty and the index found", () => {
    expect(
      combineSearch(
        [{ ...candidate("AAAA"), matchedBy: "customer_user_id_exact" }],
        [{ ...candidate("aaaa"), matchedBy: "customer_user_id" }],
      ),
    ).toEqual({ kind: "one", profileId: "AAAA" });
    expect(combineSearch([], [{ ...candidate("b"), matchedBy: "email" }])).toEqual({ kind: "one", profileId: "b" });
  });

  it("lists several, Adapty's first, with everything that matched and what the index knows", () => {
    const outcome = combineSearch(
      [{ ...candidate("a", { customerUserId: "cust" }), matchedBy: "profile_id" }],
      [
        { ...candidate("b", { email: "x@y.z" }), matchedBy: "email" },
        { ...candidate("a", { email: "a@y.z", lastEventType: "subscription_renewed" }), matchedBy: "customer_user_id" },
      ],
    );
    expect(outcome.kind).toBe("several");
    if (outcome.kind !== "several") return;
    expect(outcome.matches.map((match) => match.profileId)).toEqual(["a", "b"]);
    expect(outcome.matches[0]).toMatchObject({
      matchedBy: ["profile_id", "customer_user_id"],
      email: "a@y.z",
      lastEventType: "subscription_renewed",
    });
  });

  it("says none when nothing matched", () => {
    expect(combineSearch([], [])).toEqual({ kind: "none" });
  });
});
