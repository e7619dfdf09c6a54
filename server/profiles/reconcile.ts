import "server-only";
import { AdaptyError } from "@/server/adapty/errors";
import type { AdaptyClient } from "@/server/adapty/client";
import type { Profile, UserRef } from "@/lib/adapty/types";
import type { AuditRow } from "@/server/audit/log";
import type { Verdict } from "@/server/audit/verdict";

async function read(adapty: AdaptyClient, user: UserRef): Promise<Profile | null> {
  try {
    return (await adapty.getProfile(user)).value;
  } catch (error) {
    if (error instanceof AdaptyError && error.kind === "not_found") return null;
    throw error; // Adapty cannot tell us now: the row stays open
  }
}

type Attribute = { key: string; value: unknown };

/**
 * Whether the profile shows an edit. Adapty's profile answer carries few of the fields an
 * edit may send (no name, email…); since an edit is one request, applied all or not at
 * all, it is enough that every field the answer does carry shows — if there is one.
 */
function showsEdit(profile: Profile, sent: Record<string, unknown>): boolean {
  const held = profile as unknown as Record<string, unknown>;
  const checkable = Object.entries(sent).filter(([field]) => field in held);
  return (
    checkable.length > 0 &&
    checkable.every(([field, value]) => {
      if (field !== "custom_attributes") return JSON.stringify(held[field] ?? null) === JSON.stringify(value ?? null);
      const attributes = new Map(((held.custom_attributes ?? []) as Attribute[]).map((a) => [a.key, a.value]));
      return (value as Attribute[]).every((a) =>
        // A removal is sent as "" (rows from before that, as null).
        a.value === null || a.value === "" ? !attributes.has(a.key) : attributes.get(a.key) === a.value,
      );
    })
  );
}

/**
 * A create, edit or delete left open: whether Adapty now shows it. A create is applied when
 * the profile exists, a delete when it is gone; an edit when it shows — and, since an edit
 * keeps no "before", an edit that does not show is left for a person to check.
 */
export async function settleProfileChange(row: AuditRow, adapty: AdaptyClient): Promise<Verdict | undefined> {
  const user: UserRef | undefined = row.targetProfileId
    ? { profileId: row.targetProfileId }
    : row.targetCustomerUserId
      ? { customerUserId: row.targetCustomerUserId }
      : undefined;
  if (!user) return undefined;
  const profile = await read(adapty, user);
  switch (row.action) {
    case "profile.created":
      return profile ? { verdict: "applied", result: profile } : { verdict: "not applied" };
    case "profile.deleted":
      return profile ? { verdict: "not applied", result: profile } : { verdict: "applied", result: null };
    case "profile.updated":
      return profile && showsEdit(profile, (row.params ?? {}) as Record<string, unknown>)
        ? { verdict: "applied", result: profile }
        : undefined;
    default:
      return undefined;
  }
}
