import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import type { TicketParam } from "@/lib/change/ticket";

/** What happens to the deep link's `?ticket=`: attached to actions from this page, or why not. */
export function TicketNotice({ ticket, rejected }: TicketParam) {
  const t = useTranslations("Profile");
  if (ticket) return <Notice tone="info">{t("ticket", { ticket })}</Notice>;
  if (rejected) {
    return <Notice tone="warning">{t("ticketRejected", { ticket: rejected.shown, problem: rejected.problem })}</Notice>;
  }
  return null;
}
