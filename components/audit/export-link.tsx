"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { Notice } from "@/components/ui/notice";

type State = { kind: "idle" } | { kind: "running" } | { kind: "failed"; message: string };

/** The file name the console gave the export (Content-Disposition), else a plain one. */
function fileName(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? "audit.csv";
}

/**
 * The audit page's Export CSV link. Without JavaScript it is a plain download. With it, the
 * export is fetched here, so that a refusal (one export per person, a few per console: the
 * route answers 429 with a sentence) is shown in place instead of a failed download or a raw
 * JSON page; the file is handed to the browser when complete (a Blob, which browsers keep
 * on disk when large). Cancel, or leaving the page, drops the request and frees the slot.
 */
export function ExportLink({ href }: { href: string }) {
  const t = useTranslations("Audit");
  const [state, setState] = useState<State>({ kind: "idle" });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function exportNow(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: "running" });
    try {
      const response = await fetch(href, { signal: controller.signal });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        setState({ kind: "failed", message: body.error ?? t("exportFailed") });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), {
        href: url,
        download: fileName(response.headers.get("content-disposition")),
      });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000); // the browser reads the Blob after the click returns
      setState({ kind: "idle" });
    } catch {
      setState(controller.signal.aborted ? { kind: "idle" } : { kind: "failed", message: t("exportCutOff") });
    } finally {
      running.current = null;
    }
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <a
          href={href}
          download
          onClick={(event) => void exportNow(event)}
          aria-disabled={state.kind === "running"}
          className={secondaryButtonClass}
        >
          {state.kind === "running" ? t("exporting") : t("export")}
        </a>
        {state.kind === "running" ? (
          <button type="button" onClick={() => running.current?.abort()} className={secondaryButtonClass}>
            {t("cancelExport")}
          </button>
        ) : null}
      </div>
      {state.kind === "failed" ? <Notice tone="error">{state.message}</Notice> : null}
    </div>
  );
}
