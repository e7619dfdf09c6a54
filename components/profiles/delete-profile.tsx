"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { ReasonFields } from "@/components/access/reason-fields";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { inputClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ChangeActionFn } from "@/lib/change/action";
import { profileQueryKey } from "@/lib/profiles/query-key";
import { deleteProfileSchema, type DeleteProfileInput } from "@/lib/profiles/schema";

const deleteForm = deleteProfileSchema.pick({ confirmation: true, reason: true, ticket: true });

interface Props {
  profileId: string;
  /** What the agent types to confirm: the customer user id, or the profile id of an anonymous profile. */
  confirmId: string;
  /** From the page's ?ticket=, prefilled. */
  ticket?: string;
  action: ChangeActionFn<DeleteProfileInput, { profileId: string }>;
}

/** Admins only: deleting needs the customer's id typed out and a reason, and says what it removes. */
export function DeleteProfile({ profileId, confirmId, ticket, action }: Props) {
  const t = useTranslations("ProfileForm");
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(deleteForm),
    defaultValues: { confirmation: "", reason: "", ticket: ticket ?? "" },
  });
  const typed = useWatch({ control: form.control, name: "confirmation" });
  const change = useChangeOutcome(action, {
    form,
    namespace: "ProfileForm.errors",
    onSucceeded: () => {
      queryClient.removeQueries({ queryKey: profileQueryKey(profileId) });
      router.push(`/profiles?deleted=${encodeURIComponent(confirmId)}`);
    },
  });
  return (
    <section aria-labelledby="delete-profile" className="rounded-lg border border-rose-200 bg-rose-50/40 p-5">
      <h2 id="delete-profile" className="text-base font-semibold text-rose-900">
        {t("deleteTitle")}
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-rose-900">{t("deleteExplain")}</p>
      <Form
        form={form}
        namespace="ProfileForm.errors"
        onSubmit={(values) => change.submit({ profileId, ...values, idempotencyKey: crypto.randomUUID() })}
        className="mt-3 space-y-3"
      >
        <ReasonFields idPrefix="delete" />
        <div className="flex flex-wrap items-end gap-3">
          <FormField name="confirmation" id="delete-confirmation" label={t("deleteConfirm", { id: confirmId })}>
            {(control) => (
              <input {...control} maxLength={500} autoComplete="off" className={`${inputClass} w-full sm:w-80`} />
            )}
          </FormField>
          <button
            type="submit"
            disabled={typed.trim() !== confirmId || change.pending}
            className="rounded-md bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {change.pending ? t("deleting") : t("delete")}
          </button>
        </div>
        <FormError error={change.error} />
      </Form>
    </section>
  );
}
