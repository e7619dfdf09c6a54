"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { profileQueryKey } from "@/lib/profiles/query-key";
import { Form } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { Modal } from "@/components/ui/modal";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeActionFn } from "@/lib/change/action";
import { DialogButtons } from "./dialog-buttons";

interface Props<V extends FieldValues, I> {
  form: UseFormReturn<V>;
  action: ChangeActionFn<I, Profile>;
  /** The request the form's current values make, under this submission's idempotency key. */
  request: (values: V, idempotencyKey: string) => I;
  profileId: string;
  /** Said on the page once the change is made. */
  onDone: (message: string) => void;
  /** What is said, given the profile Adapty now holds. */
  doneMessage: (profile: Profile) => string;
  /** When the dialog opens: a form the agent has not touched may start afresh. */
  onOpen?: () => void;
  /** Opened and closed by its button (change-button.tsx); it stays mounted in between. */
  open: boolean;
  onClose: () => void;
  title: string;
  /** The form step: the fields. */
  fields: ReactNode;
  /** The review step: its heading (focused when it opens), what will be sent, and the button that sends it. */
  reviewHeading: string;
  review: ReactNode;
  confirmLabel: string;
  /** Where the change may go to an admin instead of being sent (a grant beyond the agent's policy). */
  approval?: ApprovalRoute<I>;
}

interface ApprovalRoute<I> {
  /** The form's values go beyond the policy: the review step asks an admin instead of sending. */
  needed: boolean;
  action: ChangeActionFn<I, { requestId: string }>;
  confirmLabel: string;
  doneMessage: string;
}

const NO_APPROVAL = () => Promise.resolve(undefined);

/**
 * The grant and revoke dialogs: a form step (checked with the action's schema), a review
 * step that says exactly what will be sent, and the result — on success the profile
 * Adapty now holds is put on the page at once; otherwise the form step again, with the
 * messages on their fields (the first focused) or above the buttons, and the profile
 * behind read again (a refusal is often about a state that changed elsewhere).
 */
export function ChangeDialog<V extends FieldValues, I>(props: Props<V, I>) {
  const { form, profileId } = props;
  const t = useTranslations("Access");
  const queryClient = useQueryClient();
  const router = useRouter();
  const { open, onClose } = props;
  const [step, setStep] = useState<"edit" | "review">("edit");
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const change = useChangeOutcome(props.action, {
    form,
    namespace: "Access.errors",
    onSucceeded: (profile) => {
      queryClient.setQueryData(profileQueryKey(profileId), profile);
      router.refresh(); // the console history below the profile
      onClose();
      props.onDone(props.doneMessage(profile));
    },
    onUnknown: () => void queryClient.invalidateQueries({ queryKey: profileQueryKey(profileId) }),
  });
  const ask = useChangeOutcome(props.approval?.action ?? NO_APPROVAL, {
    form,
    namespace: "Access.errors",
    onSucceeded: () => {
      router.refresh(); // the console history below the profile
      onClose();
      props.onDone(props.approval?.doneMessage ?? "");
    },
  });
  const asking = props.approval?.needed === true;
  const current = asking ? ask : change;

  // Each opening starts at the form step with nothing left from the last one, before it is painted.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setStep("edit");
  }
  const opening = useEffectEvent(() => {
    form.clearErrors();
    change.reset();
    ask.reset();
    props.onOpen?.();
  });
  useLayoutEffect(() => {
    if (open) opening();
  }, [open]);

  useEffect(() => {
    if (open && step === "review") heading.current?.focus();
  }, [open, step]);

  function review() {
    setIdempotencyKey(crypto.randomUUID()); // one key per submission: a double click sends it twice, Adapty gets it once
    setStep("review");
  }

  async function confirm() {
    const view = await current.submit(props.request(form.getValues(), idempotencyKey));
    if (view && !view.succeeded) {
      setStep("edit");
      void queryClient.invalidateQueries({ queryKey: profileQueryKey(profileId) });
    }
  }

  return (
    <Modal open={open} title={props.title} onClose={onClose}>
      <Form form={form} namespace="Access.errors" onSubmit={review}>
        {step === "edit" ? (
          <div className="space-y-5">
            {props.fields}
            <FormError error={current.error} />
            <DialogButtons back={t("cancel")} onBack={onClose} next={t("review")} />
          </div>
        ) : (
          <div className="space-y-4">
            <h3 ref={heading} tabIndex={-1} className="font-medium outline-none">
              {props.reviewHeading}
            </h3>
            {props.review}
            <DialogButtons
              back={t("back")}
              onBack={() => setStep("edit")}
              next={current.pending ? t("sending") : (asking && props.approval?.confirmLabel) || props.confirmLabel}
              onNext={() => void confirm()}
              pending={current.pending}
            />
          </div>
        )}
      </Form>
    </Modal>
  );
}
