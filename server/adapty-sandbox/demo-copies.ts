import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { StoredProfile } from "./model";
import { parseLoggedBody } from "./node-http";
import { json } from "./responses";
import { seedProfiles } from "./seed";
import type { SandboxStore } from "./store";

// What the standalone sandbox's controls accept: the customer a control is scoped to, and
// copies of the seeded demo profiles, so that each test can have a demo state of its own.

/** A customer user id or profile id, as the console would send it in a header. */
export const customerId = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[^\u0000-\u001f\u007f]*$/, "has control characters");

/** POST /__sandbox/profiles: a copy of a seeded demo profile under a new customer user id (and a new profile id). */
const copySchema = z.object({ customer_user_id: customerId, like: z.string().min(1).max(500) }).strict();

export function invalid(what: string, error: z.ZodError): Response {
  const issue = error.issues[0];
  return json(400, { error: `Invalid ${what}: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim() });
}

/** A copy of the seeded demo profile whose customer user id is `like`, stored under new ids. */
export function copyOfDemo(store: SandboxStore, body: Buffer): Response {
  const parsed = copySchema.safeParse(parseLoggedBody(body));
  if (!parsed.success) return invalid("profile copy", parsed.error);
  const { customer_user_id: customerUserId, like } = parsed.data;
  const demo = seedProfiles().find((profile) => profile.customer_user_id === like);
  if (!demo) return json(400, { error: `Invalid profile copy: like names no demo profile (${like}).` });
  if (store.findByCustomerUserId(customerUserId))
    return json(409, { error: "A profile with this customer user id exists." });
  const copy: StoredProfile = { ...demo, profile_id: randomUUID(), customer_user_id: customerUserId };
  store.save(copy);
  return json(201, copy);
}
