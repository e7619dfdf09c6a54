"use client";

import { createContext, useContext, type ReactNode } from "react";
import {
  FormProvider,
  useFormContext,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from "react-hook-form";
import { ErrorText, FieldShell, type ControlProps } from "./field-shell";
import { useMessage } from "./use-message";

// The one form pattern: react-hook-form with the action's zod schema (zodResolver), a
// FormField per control, messages as catalogue keys that the form's namespace completes,
// and the action's answer shown through useChangeOutcome (./use-change-outcome.ts).

/** A message set from an action's answer: already in words, not a key. */
export const SERVER_ERROR = "server";

const Namespace = createContext<string | undefined>(undefined);

/** A react-hook-form form: `namespace` (e.g. "Access.errors") completes the schema's short message keys. */
export function Form<I extends FieldValues, O>({
  form,
  namespace,
  onSubmit,
  className,
  children,
}: {
  form: UseFormReturn<I, unknown, O>;
  namespace: string;
  onSubmit: (values: O) => unknown;
  className?: string;
  children: ReactNode;
}) {
  return (
    <FormProvider {...form}>
      <Namespace value={namespace}>
        <form noValidate className={className} onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}>
          {children}
        </form>
      </Namespace>
    </FormProvider>
  );
}

/** The words of a field's error, if it has one. */
export function useFieldError(name: string): string | undefined {
  const { formState, getFieldState } = useFormContext();
  const message = useMessage(useContext(Namespace));
  const error = getFieldState(name, formState).error as
    { message?: string; type?: string; root?: { message?: string; type?: string } } | undefined;
  const found = error?.message ? error : error?.root;
  if (!found?.message) return undefined;
  return found.type === SERVER_ERROR ? found.message : message(found.message);
}

/** A field's error where it has no FormField of its own (such as a choice of presets). */
export function FieldError({ name, id }: { name: string; id?: string }) {
  const error = useFieldError(name);
  return error ? <ErrorText id={id ?? `${name}-error`}>{error}</ErrorText> : null;
}

export type FieldControlProps = ControlProps & UseFormRegisterReturn;

/**
 * One control of a form: its label, its id (the field's name unless given), its hint and
 * error, and `aria-invalid`/`aria-describedby`; the control is registered with the form.
 */
export function FormField<F extends FieldValues = FieldValues>({
  name,
  id,
  label,
  hint,
  srOnlyLabel,
  className,
  options,
  children,
}: {
  name: FieldPath<F>;
  id?: string;
  label: ReactNode;
  hint?: string;
  srOnlyLabel?: boolean;
  className?: string;
  options?: RegisterOptions<F, FieldPath<F>>;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const { register } = useFormContext<F>();
  const error = useFieldError(name);
  return (
    <FieldShell id={id ?? name} label={label} hint={hint} error={error} srOnlyLabel={srOnlyLabel} className={className}>
      {(control) => children({ ...control, ...register(name, options) })}
    </FieldShell>
  );
}
