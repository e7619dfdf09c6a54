"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AccessChangeOutcome } from "@/lib/access/outcome";
import type { AdaptyFailure } from "@/lib/change/outcome";
import { profileQueryKey } from "@/components/profiles/profile-query";

export type FieldErrors = Partial<
  Record<"accessLevelId" | "startsAt" | "expiresAt" | "revokeAt" | "reason" | "ticket", string>
>;

/** Why a change failed, in words that do not blame Adapty's judgement for its outage. */
function failedMessage(failure: AdaptyFailure | undefined) {
  if (failure?.kind === "timeout") return "failedTimeout" as const;
  if (failure?.kind === "unavailable") return "failedUnavailable" as const;
  if (failure?.kind === "rate_limited") return "failedRateLimited" as const;
  return "failed" as const;
}

/**
 * What grant and revoke dialogs share: turning an action's answer into words on the
 * right fields, and on success putting Adapty's returned profile on the page at once.
 */
export function useAccessChange(profileId: string, onDone: (message: string) => void, successMessage: string) {
  const t = useTranslations("Access");
  const errors = useTranslations("Access.errors");
  const queryClient = useQueryClient();
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ message: string; failure?: AdaptyFailure } | null>(null);

  const message = (key: string | undefined) =>
    key ? (errors.has(key as never) ? errors(key as never) : key) : undefined;

  function handle(
    outcome: AccessChangeOutcome | undefined,
    serverError: string | undefined,
    validation?: Record<string, string[] | undefined>,
  ): boolean {
    setFormError(null);
    if (serverError) {
      setFormError({ message: serverError });
      return false;
    }
    if (validation && Object.keys(validation).length > 0) {
      setFieldErrors(
        Object.fromEntries(Object.entries(validation).map(([field, keys]) => [field, message(keys?.[0])])),
      );
      return false;
    }
    if (!outcome) return false;
    if (outcome.outcome === "succeeded") {
      queryClient.setQueryData(profileQueryKey(profileId), outcome.profile);
      router.refresh(); // the console history below the profile
      onDone(successMessage);
      return true;
    }
    if (outcome.outcome === "busy") {
      setFormError({ message: t("busy", { level: outcome.accessLevelId }) });
      return false;
    }
    const mapped = Object.fromEntries(
      Object.entries(outcome.fieldErrors ?? {}).map(([field, key]) => [field, message(key)]),
    ) as FieldErrors;
    setFieldErrors(mapped);
    if (outcome.outcome === "refused") return false;
    if (outcome.outcome === "in_progress") setFormError({ message: t("inProgress") });
    else if (outcome.outcome === "unknown") setFormError({ message: t("unknownOutcome"), failure: outcome.failure });
    else if (Object.keys(mapped).length === 0)
      setFormError({ message: t(failedMessage(outcome.failure)), failure: outcome.failure });
    if (outcome.outcome === "unknown") void queryClient.invalidateQueries({ queryKey: profileQueryKey(profileId) });
    return false;
  }

  return { fieldErrors, setFieldErrors, formError, message, handle };
}
