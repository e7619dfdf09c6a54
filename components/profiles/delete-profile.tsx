"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/access/form-error";
import { inputClass } from "@/components/ui/field";
import { deleteProfileAction } from "@/server/profiles/delete-profile";

/** Admins only: deleting needs the customer's id typed out, and says what it removes. */
export function DeleteProfile({ profileId, confirmId }: { profileId: string; confirmId: string }) {
  const t = useTranslations("ProfileForm");
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const action = useAction(deleteProfileAction);
  async function remove() {
    const result = await action.executeAsync({ profileId, confirmation: typed, idempotencyKey: crypto.randomUUID() });
    if (result.serverError) return setError(result.serverError);
    const answer = result.data;
    if (answer?.outcome === "succeeded") {
      router.push(`/profiles?deleted=${encodeURIComponent(confirmId)}`);
      return;
    }
    setError(answer && "formErrors" in answer && answer.formErrors?.length ? answer.formErrors.join(" ") : t("failed"));
  }
  return (
    <section aria-labelledby="delete-profile" className="rounded-lg border border-rose-200 bg-rose-50/40 p-5">
      <h2 id="delete-profile" className="text-base font-semibold text-rose-900">
        {t("deleteTitle")}
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-rose-900">{t("deleteExplain")}</p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          {t("deleteConfirm", { id: confirmId })}
          <input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            maxLength={500}
            autoComplete="off"
            className={`${inputClass} mt-1 w-80`}
          />
        </label>
        <button
          type="button"
          disabled={typed.trim() !== confirmId || action.isPending}
          onClick={() => void remove()}
          className="rounded-md bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {action.isPending ? t("deleting") : t("delete")}
        </button>
      </div>
      {error ? (
        <div className="mt-3">
          <FormError error={{ message: error }} />
        </div>
      ) : null}
    </section>
  );
}
