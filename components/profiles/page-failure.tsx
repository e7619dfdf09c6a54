"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { ProfileFailure } from "./profile-failure";

/** A failure while rendering a profile page: retrying renders the page again. */
export function PageFailure(props: Omit<ComponentProps<typeof ProfileFailure>, "onRetry">) {
  const router = useRouter();
  return (
    <ProfileFailure {...props} onRetry={props.failure.kind === "invalid_id" ? undefined : () => router.refresh()} />
  );
}
