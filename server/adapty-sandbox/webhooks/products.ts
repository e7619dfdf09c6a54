import "server-only";
import { createHash, randomUUID } from "node:crypto";

// What the sandbox assumes about store products and transaction ids, from the product id
// alone: the demo products are named after their period (`…monthly`, `…yearly`, `…lifetime`).

const DAY = 86_400_000;
export const TRIAL_DAYS = 7;

export const isLifetimeProduct = (productId: string) => /lifetime/i.test(productId);

/** The end of one billing period from `from`: a week, a year, or (by default) a calendar month. */
export function periodEnd(productId: string, from: number): number {
  if (/week/i.test(productId)) return from + 7 * DAY;
  const date = new Date(from);
  if (/year|annual/i.test(productId)) date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return date.getTime();
}

/** A base plan id, which only Google Play has. */
export function basePlanOf(store: string, productId: string): string | null {
  if (store !== "play_store") return null;
  if (/week/i.test(productId)) return "weekly-base";
  return /year|annual/i.test(productId) ? "yearly-base" : "monthly-base";
}

/** The grace period the stores give by default: 16 days on the App Store, 7 on Google Play. */
export const graceEnd = (store: string, from: number) => from + (store === "play_store" ? 7 : 16) * DAY;

function digits(seed: string, count: number): string {
  const hex = createHash("sha1").update(seed).digest("hex");
  return [...hex]
    .map((char) => String(parseInt(char, 16) % 10))
    .join("")
    .slice(0, count);
}

/**
 * The next transaction id in the store's own form, after `previous` in the same chain (null
 * for a first purchase): App Store ids are 16 digits; a Google Play order is
 * `GPA.1234-5678-9012-34567`, its renewals `GPA.…..0`, `..1`. `seed` makes the id
 * deterministic (the demo history); without one it is random.
 */
export function transactionId(store: string, previous: string | null, seed: string = randomUUID()): string {
  if (store === "play_store") {
    if (previous !== null) {
      const [order, renewal] = previous.split("..");
      return `${order}..${renewal === undefined ? 0 : Number(renewal) + 1}`;
    }
    const d = digits(seed, 17);
    return `GPA.${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8, 12)}-${d.slice(12, 17)}`;
  }
  return `2000000${digits(seed, 9)}`;
}
