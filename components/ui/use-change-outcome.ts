"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ChangeActionFn } from "@/lib/change/action";
import { changeView, type ChangeView, type Said } from "@/lib/change/view";
import { byProfilePath } from "@/lib/profiles/user-ids";
import type { ShownError } from "./form-error";
import { SERVER_ERROR } from "./form";
import { useMessage } from "./use-message";

export interface ChangeOutcomeOptions<T, F extends FieldValues> {
  /** The form whose fields get the answer's field errors (and focus on the first of them). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any resolver output
  form?: UseFormReturn<F, any, any>;
  /** Completes the schema's short message keys, e.g. "Access.errors". */
  namespace?: string;
  onSucceeded?: (value: T, view: ChangeView<T>) => void;
  /** Sent, but whether it took effect is not known: the page should read again. */
  onUnknown?: () => void;
}

/**
 * Runs a change action and turns its answer — a sentence (serverError), the schema's
 * keys by field (validationErrors) or the ChangeOutcome — into what the form shows:
 * messages on their fields (focusing the first), one form-level error in words with
 * Adapty's references, an existing profile to open, or the value the change made.
 * A second submission while one is under way is ignored (a double click sends once).
 */
export function useChangeOutcome<I, T, F extends FieldValues = FieldValues>(
  action: ChangeActionFn<I, T>,
  { form, namespace, onSucceeded, onUnknown }: ChangeOutcomeOptions<T, F> = {},
) {
  const t = useTranslations("Change");
  const message = useMessage(namespace);
  const running = useRef(false);
  const focusNext = useRef<string[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [succeeded, setSucceeded] = useState<{ value: T } | null>(null);

  // After the render that shows the errors (a dialog may first return to its form step).
  useEffect(() => {
    const names = focusNext.current;
    if (!form || names.length === 0) return;
    focusNext.current = [];
    const before = document.activeElement;
    for (const name of names) {
      form.setFocus(name as Path<F>);
      if (document.activeElement !== before) break;
    }
  });

  const say = (said: Said) => ("text" in said ? said.text : message(said.message));

  function show(view: ChangeView<T>) {
    const names = Object.keys(view.fieldErrors);
    for (const name of names) {
      const text = message(view.fieldErrors[name] ?? "");
      form?.setError(name as Path<F>, { type: SERVER_ERROR, message: text });
    }
    focusNext.current = names;
    const shown = view.form;
    const failure = shown?.failure;
    setError(
      shown
        ? {
            message: shown.said.map(say).join(" "),
            reference:
              failure && (failure.status || failure.requestId)
                ? t("reference", {
                    status: failure.status ?? "—",
                    code: failure.errorCode ?? "—",
                    requestId: failure.requestId ?? "—",
                  })
                : undefined,
            link: shown.existingProfileId
              ? { href: byProfilePath(shown.existingProfileId), label: t("openExisting") }
              : undefined,
            tone: shown.tone,
          }
        : null,
    );
  }

  async function submit(input: I): Promise<ChangeView<T> | undefined> {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setError(null);
    setSucceeded(null);
    try {
      const result = await action(input);
      const values: object = form?.getValues() ?? {};
      const view = changeView(result, (path) => !form || (path.split(".")[0] ?? "") in values);
      show(view);
      if (view.succeeded) {
        setSucceeded({ value: view.succeeded.value });
        onSucceeded?.(view.succeeded.value, view);
      }
      if (view.outcome === "unknown") onUnknown?.();
      return view;
    } finally {
      running.current = false;
      setPending(false);
    }
  }

  function reset() {
    setError(null);
    setSucceeded(null);
  }

  return { submit, pending, error, succeeded, reset };
}
