// Shapes of Adapty's API, all derived from the generated OpenAPI types: nothing here is
// copied by hand. Type-only, so client components may import these too.
import type { components } from "./openapi-schema";

type Schemas = components["schemas"];

export type Profile = Schemas["Profile"];
export type AccessLevel = Schemas["AccessLevel"];
export type Subscription = Schemas["Subscription"];
export type NonSubscription = Schemas["NonSubscription"];
export type CustomAttribute = Schemas["CustomAttribute"];
export type InstallationMeta = Schemas["InstallationMeta"];

/**
 * The create body. The file requires `installation_meta` (its prose and guides do not), and
 * the client always sends it: given here, or with a new device id (docs/sandbox.md).
 */
export type ProfileFields = Omit<Schemas["ProfileRequest"], "installation_meta"> & {
  installation_meta?: InstallationMeta;
};

/**
 * The update body: only what changes, always with `installation_meta` (the file requires
 * it; the console sends the profile's own device id). A custom attribute whose value is
 * "" is removed; the file allows no null value.
 */
export type ProfileChanges = Schemas["ProfileRequest"];

export interface GrantRequest {
  accessLevelId: string;
  /** Absent: starts now. */
  startsAt?: Date;
  /** null: lifetime access. */
  expiresAt: Date | null;
}

export interface RevokeRequest {
  accessLevelId: string;
  /** Absent: ends now. A future time shortens access to that time. */
  revokeAt?: Date;
}

/** Who a request is about: exactly one identifier, except on create where both attach them. */
export type UserRef =
  { profileId: string; customerUserId?: undefined } | { customerUserId: string; profileId?: undefined };
export type CreateUserRef = { profileId?: string; customerUserId?: string };

export type AdaptyPlatform = "iOS" | "macOS" | "iPadOS" | "visionOS" | "Android" | "web";

/** A successful answer with what the audit trail records about it. */
export interface AdaptyAnswer<T> {
  value: T;
  status: number;
  requestId: string | undefined;
  attempts: number;
}
