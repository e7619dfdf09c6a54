"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTimeZone, useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ReasonFields } from "@/components/access/reason-fields";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import { uploadDefaults, uploadFormSchema, type UploadFormValues, type UploadRequest } from "@/lib/bulk/upload-form";
import { browserTimeZone } from "@/lib/time/zoned";
import { uploadBatch } from "./upload-request";

const noChange = () => () => {};

/**
 * The file and what holds for all its rows: the zone its dates without an offset are read
 * in, the reason and ticket of rows without their own, and how fast it is sent. Nothing is
 * sent to Adapty here: the upload makes a draft, whose page shows the preview.
 */
export function UploadForm() {
  const t = useTranslations("Bulk");
  const router = useRouter();
  const agentZone = useTimeZone() ?? "UTC";
  const [defaults] = useState(() => uploadDefaults(agentZone));
  const form = useForm<UploadFormValues, unknown, UploadRequest>({
    resolver: zodResolver(uploadFormSchema),
    defaultValues: defaults,
  });
  // The page may have been rendered for the zone of an earlier visit: start from the one the agent is in now.
  useEffect(() => {
    if (!form.getFieldState("zone").isDirty) form.setValue("zone", browserTimeZone(agentZone));
  }, [form, agentZone]);
  // The zone names come from the ICU data of whoever renders them (the server's and the browser's
  // differ): the list of every zone is drawn in the browser only, the agent's zone alone before.
  const hydrated = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const unlimited = useWatch({ control: form.control, name: "unlimited" });
  const upload = useChangeOutcome(uploadBatch, {
    form,
    namespace: "Bulk.errors",
    onSucceeded: ({ batchId }) => router.push(`/bulk/${batchId}`),
  });

  return (
    <Form
      form={form}
      namespace="Bulk.errors"
      onSubmit={(request) => upload.submit({ ...request, chosen: request.file?.[0] as File })}
      className="space-y-5"
    >
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="file" id="bulk-file" label={t("file")} hint={t("fileHint")}>
          {(control) => <input {...control} type="file" accept=".csv,text/csv" className={`${inputClass} min-w-0`} />}
        </FormField>
        <FormField name="zone" id="bulk-zone" label={t("zone")} hint={t("zoneHint")}>
          {(control) =>
            hydrated ? (
              <TimeZoneSelect {...control} agentZone={agentZone} />
            ) : (
              <select {...control} className={inputClass}>
                <option value={defaults.zone}>{defaults.zone}</option>
              </select>
            )
          }
        </FormField>
      </div>
      <ReasonFields idPrefix="bulk" />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">{t("pace")}</legend>
        <div className="space-y-2">
          <FormField name="ratePerSecond" id="bulk-rate" label={t("rate")} hint={t("rateHint")}>
            {(control) => (
              // Read-only rather than disabled while there is no limit: the form keeps its value for when the box is unticked.
              <input
                {...control}
                inputMode="numeric"
                readOnly={unlimited}
                aria-disabled={unlimited || undefined}
                className={`${inputClass} read-only:bg-slate-100 read-only:text-slate-500`}
              />
            )}
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register("unlimited")} />
            {t("unlimited")}
          </label>
        </div>
        <FormField name="concurrency" id="bulk-concurrency" label={t("concurrency")} hint={t("concurrencyHint")}>
          {(control) => <input {...control} inputMode="numeric" className={inputClass} />}
        </FormField>
      </fieldset>
      <FormError error={upload.error} />
      <button type="submit" className={buttonClass} disabled={upload.pending}>
        {upload.pending ? t("uploading") : t("upload")}
      </button>
    </Form>
  );
}
