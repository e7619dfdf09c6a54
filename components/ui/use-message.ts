"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { messageText } from "@/lib/change/messages";
import type { Message } from "@/lib/change/outcome";
import { useMoment } from "./use-moment";

type Values = Record<string, string | number>;

/**
 * Words for a catalogue key: a full path ("Change.failed"), or a schema's short key
 * ("reasonRequired") completed by the form's namespace ("Access.errors").
 */
export function useMessage(namespace?: string) {
  const t = useTranslations();
  const moment = useMoment();
  return useCallback(
    (message: Message) => {
      // A moment travels as its epoch milliseconds under a name ending in "At" (`expiresAt`):
      // written as every time on screen is, in the agent's locale and zone, with the zone named.
      const written = (values?: Values) =>
        values &&
        Object.fromEntries(
          Object.entries(values).map(([name, value]) => [
            name,
            name.endsWith("At") && typeof value === "number" ? moment(new Date(value), { withZone: true }) : value,
          ]),
        );
      return messageText(
        { has: (key) => t.has(key as never), translate: (key, values) => t(key as never, written(values) as never) },
        message,
        namespace,
      );
    },
    [t, namespace, moment],
  );
}
