"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ApproveInput, DeclineInput } from "@/lib/approvals/schema";
import type { ChangeActionFn } from "@/lib/change/action";

export interface DecisionActions {
  approve: ChangeActionFn<ApproveInput, unknown>;
  decline: ChangeActionFn<DeclineInput, null>;
}

const APPROVE_LABELS = {
  grant: { idle: "approve", busy: "approving" },
  bulk: { idle: "approveBatch", busy: "approvingBatch" },
} as const;

/**
 * An admin's decision on one request: an optional comment (required to decline, so the
 * agent learns why), then Approve or Decline. The server decides who may and whether the
 * request still waits; the page is read again after every answer.
 */
export function DecisionForm({
  requestId,
  kind = "grant",
  actions,
}: {
  requestId: string;
  /** What approving does: grant, or start a bulk batch (its button says which). */
  kind?: "grant" | "bulk";
  actions: DecisionActions;
}) {
  const t = useTranslations("Approvals");
  const router = useRouter();
  const form = useForm({ defaultValues: { comment: "" } });
  // The button pressed: read by submit (a ref, set before the form submits) and by the render (state).
  const choice = useRef<"approve" | "decline">("approve");
  const [chosen, setChosen] = useState<"approve" | "decline">("approve");
  const options = { form, namespace: "Approvals.errors", onSucceeded: () => router.refresh() };
  const approve = useChangeOutcome(actions.approve, options);
  const decline = useChangeOutcome(actions.decline, options);
  const shown = chosen === "approve" ? approve : decline;
  const pending = approve.pending || decline.pending;
  const labels = APPROVE_LABELS[kind];

  async function submit({ comment }: { comment: string }) {
    const view =
      choice.current === "approve"
        ? await approve.submit({ requestId, comment })
        : await decline.submit({ requestId, comment });
    if (view && !view.succeeded) router.refresh(); // decided elsewhere, or expired: show it as it is now
  }

  return (
    <Form form={form} namespace="Approvals.errors" onSubmit={submit} className="space-y-3">
      <FormField name="comment" id={`comment-${requestId}`} label={t("comment")} hint={t("commentHint")}>
        {(control) => <textarea {...control} rows={2} maxLength={500} className={inputClass} />}
      </FormField>
      <FormError error={shown.error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={pending} onClick={() => (choice.current = "approve")}>
          {approve.pending ? t(labels.busy) : t(labels.idle)}
        </button>
        <button
          type="submit"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() => {
            choice.current = "decline";
            setChosen("decline");
          }}
        >
          {decline.pending ? t("declining") : t("decline")}
        </button>
      </div>
    </Form>
  );
}
