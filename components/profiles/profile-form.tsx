"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Form } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { buttonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ChangeActionFn } from "@/lib/change/action";
import {
  attributeChanges,
  attributeRows,
  profileFormSchema,
  type ProfileFormInput,
  type ProfileFormOutput,
} from "@/lib/profiles/form";
import type { ProfileFormValues, updateProfileSchema } from "@/lib/profiles/schema";
import { byProfilePath } from "@/lib/profiles/user-ids";
import type { z } from "zod";
import { AttributeFields } from "./form/attribute-fields";
import { IdentityFields } from "./form/identity-fields";
import { InstallationFields } from "./form/installation-fields";
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
      action: ChangeActionFn<z.input<typeof updateProfileSchema>, Made>;
    };

type Submission = ProfileFormOutput & { idempotencyKey: string };

/** Create a profile, or edit one (only what changes is sent). One schema with the server action. */
export function ProfileForm(props: Props) {
  const t = useTranslations("ProfileForm");
  const router = useRouter();
  const [initialAttributes] = useState(() => attributeRows(props.mode === "edit" ? props.attributes : []));
  const form = useForm<ProfileFormInput, unknown, ProfileFormOutput>({
    resolver: zodResolver(profileFormSchema(props.mode)),
    shouldUnregister: true,
    defaultValues: { customer_user_id: "", custom_attributes: initialAttributes },
  });
  const [installation, setInstallation] = useState(false);

  const send: ChangeActionFn<Submission, Made> =
    props.mode === "create"
      ? (submission) => props.action({ ...submission, customer_user_id: submission.customer_user_id ?? "" })
      : ({ customer_user_id: _id, ...submission }) =>
          props.action({
            ...submission,
            profileId: props.profileId,
            ...attributeChanges(submission.custom_attributes, initialAttributes),
          });
  const change = useChangeOutcome(send, {
    form,
    namespace: "ProfileForm.errors",
    onSucceeded: ({ profileId }) => {
      router.push(byProfilePath(profileId));
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
      <InstallationFields included={installation} onInclude={setInstallation} />
      <FormError error={change.error} />
      <div className="flex justify-end">
        <button type="submit" className={buttonClass} disabled={pending}>
          {props.mode === "create" ? (pending ? t("creating") : t("create")) : pending ? t("saving") : t("save")}
        </button>
      </div>
    </Form>
  );
}
