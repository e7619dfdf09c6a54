"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ReasonFields } from "@/components/access/reason-fields";
import { Form } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { buttonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeActionFn } from "@/lib/change/action";
import {
  attributeChanges,
  attributeRows,
  profileFormSchema,
  type ProfileFormInput,
  type ProfileFormOutput,
} from "@/lib/profiles/form";
import { profileQueryKey } from "@/lib/profiles/query-key";
import type { ProfileFormValues, updateProfileSchema } from "@/lib/profiles/schema";
import { byProfilePath, withQuery } from "@/lib/profiles/user-ids";
import { AttributeFields } from "./form/attribute-fields";
import { IdentityFields } from "./form/identity-fields";
import { InstallationFields } from "./form/installation-fields";
import { Group } from "./form/parts";
import { PersonalFields } from "./form/personal-fields";
import { PrivacyFields } from "./form/privacy-fields";
import { StoreFields } from "./form/store-fields";

type Made = { profileId: string };
type Props =
  | { mode: "create"; action: ChangeActionFn<ProfileFormValues, Made> }
  | {
      mode: "edit";
      profileId: string;
      /** The customer's current custom attributes, the only fields Adapty returns. */
      attributes: { key: string; value: string | number }[];
      /** The device id every edit of this profile carries (server/profiles/device-id.ts). */
      deviceId: string;
      /** From the page's ?ticket=, prefilled. */
      ticket?: string;
      /** Answers with the profile Adapty now holds. */
      action: ChangeActionFn<z.input<typeof updateProfileSchema>, Profile>;
    };

type Submission = ProfileFormOutput & { idempotencyKey: string };

/**
 * Create a profile, or edit one (only what changes is sent, with a reason). After an edit
 * the profile page shows what Adapty answered at once, and says it was saved.
 */
export function ProfileForm(props: Props) {
  const t = useTranslations("ProfileForm");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [initialAttributes] = useState(() => attributeRows(props.mode === "edit" ? props.attributes : []));
  const form = useForm<ProfileFormInput, unknown, ProfileFormOutput>({
    resolver: zodResolver(profileFormSchema(props.mode)),
    shouldUnregister: true,
    defaultValues: {
      customer_user_id: "",
      custom_attributes: initialAttributes,
      ...(props.mode === "edit" ? { reason: "", ticket: props.ticket ?? "" } : {}),
    },
  });
  const [installation, setInstallation] = useState(false);

  const send: ChangeActionFn<Submission, Made | Profile> =
    props.mode === "create"
      ? (submission) => props.action({ ...submission, customer_user_id: submission.customer_user_id ?? "" })
      : ({ customer_user_id: _id, ...submission }) =>
          props.action({
            ...submission,
            reason: submission.reason ?? "",
            profileId: props.profileId,
            ...attributeChanges(submission.custom_attributes, initialAttributes),
          });
  const change = useChangeOutcome(send, {
    form,
    namespace: "ProfileForm.errors",
    onSucceeded: (made) => {
      if ("profile_id" in made) {
        // The page behind shows what Adapty answered, not the profile it held before.
        queryClient.setQueryData(profileQueryKey(made.profile_id), made);
        router.push(
          withQuery(byProfilePath(made.profile_id), { saved: "1", ticket: form.getValues("ticket")?.trim() }),
        );
      } else router.push(byProfilePath(made.profileId));
      router.refresh();
    },
  });

  const submit = (values: ProfileFormOutput) =>
    change.submit({
      ...values,
      installation_meta: installation ? values.installation_meta : undefined,
      idempotencyKey: crypto.randomUUID(),
    });

  const pending = change.pending;
  return (
    <Form form={form} namespace="ProfileForm.errors" onSubmit={submit} className="space-y-6">
      {props.mode === "create" ? <IdentityFields /> : null}
      <PersonalFields />
      <StoreFields />
      <PrivacyFields />
      <AttributeFields />
      <InstallationFields
        included={installation}
        onInclude={setInstallation}
        deviceId={props.mode === "edit" ? props.deviceId : undefined}
      />
      {props.mode === "edit" ? (
        <Group title={t("why")} columns="">
          <ReasonFields idPrefix="edit" />
        </Group>
      ) : null}
      <FormError error={change.error} />
      <div className="flex justify-end">
        <button type="submit" className={buttonClass} disabled={pending}>
          {props.mode === "create" ? (pending ? t("creating") : t("create")) : pending ? t("saving") : t("save")}
        </button>
      </div>
    </Form>
  );
}
