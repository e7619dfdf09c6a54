import { describe, expect, it } from "vitest";
import { combineMatches, type Candidate } from "./combine";

const candidate = (profileId: string, overrides: Partial<Candidate> = {}): Candidate => ({
  profileId,
  customerUserId: null,
  email: null,
  lastEventType: null,
  lastEventAt: null,
  accessLevels: null,
  foundBy: ["email"],
  ...overrides,
});

describe("combineMatches", () => {
  it("says none when neither Adapty nor the index knows the words", () => {
    expect(combineMatches([], [], 20)).toEqual({ kind: "none" });
  });

  it("opens the one customer found, however many ways it was found", () => {
    const exact = candidate("p1", { foundBy: ["exact_customer_user_id"], customerUserId: "jane@example.com" });
    const indexed = candidate("p1", { email: "jane@example.com", foundBy: ["email"] });
    expect(combineMatches([exact], [indexed], 20)).toEqual({ kind: "one", profileId: "p1" });
  });

  it("offers a choice when one email belongs to two customers, Adapty's exact answer first, with what the index adds", () => {
    const when = new Date("2026-12-02T09:00:00Z");
    const outcome = combineMatches(
      [candidate("p2", { customerUserId: "family@example.com", foundBy: ["exact_customer_user_id"] })],
      [
        candidate("p1", { email: "family@example.com" }),
        candidate("p2", { email: "family@example.com", lastEventType: "subscription_renewed", lastEventAt: when }),
      ],
      20,
    );
    expect(outcome).toEqual({
      kind: "several",
      more: false,
      candidates: [
        candidate("p2", {
          customerUserId: "family@example.com",
          email: "family@example.com",
          lastEventType: "subscription_renewed",
          lastEventAt: when,
          foundBy: ["exact_customer_user_id", "email"],
        }),
        candidate("p1", { email: "family@example.com" }),
      ],
    });
  });

  it("opens an exact customer user id, not the customers whose ids merely start with it", () => {
    const exact = candidate("p1", { customerUserId: "user-1", foundBy: ["exact_customer_user_id"] });
    const prefixed = [
      candidate("p1", { customerUserId: "user-1", foundBy: ["customer_user_id"] }),
      candidate("p10", { customerUserId: "user-10", foundBy: ["customer_user_id"] }),
    ];
    expect(combineMatches([exact], prefixed, 20)).toEqual({ kind: "one", profileId: "p1" });
    expect(combineMatches([], prefixed, 20).kind).toBe("several");
  });

  it("shows at most the limit and says there are more", () => {
    const many = Array.from({ length: 25 }, (_, i) => candidate(`p${i}`, { foundBy: ["customer_user_id"] }));
    const outcome = combineMatches([], many, 20);
    expect(outcome.kind === "several" && [outcome.candidates.length, outcome.more]).toEqual([20, true]);
  });
});
