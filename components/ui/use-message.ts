"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { messageText } from "@/lib/change/messages";
import type { Message } from "@/lib/change/outcome";

/**
 * Words for a catalogue key: a full path ("Change.failed"), or a schema's short key
 * ("reasonRequired") completed by the form's namespace ("Access.errors").
 */
export function useMessage(namespace?: string) {
  const t = useTranslations();
  return useCallback(
    (message: Message) =>
      messageText(
        { has: (key) => t.has(key as never), translate: (key, values) => t(key as never, values as never) },
        message,
        namespace,
      ),
    [t, namespace],
  );
}
