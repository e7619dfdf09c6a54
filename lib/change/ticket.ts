// A ticket reference (ZD-123, JIRA:SUP-9, #4411) ties a change to the support ticket it
// answers. One rule for the forms, the actions and the `?ticket=` deep-link parameter.
export const MAX_TICKET_LENGTH = 64;
export const TICKET_PATTERN = /^[\w.#:/-]*$/;

export type TicketProblem = "tooLong" | "characters";

export function ticketProblem(ticket: string): TicketProblem | undefined {
  if (ticket.length > MAX_TICKET_LENGTH) return "tooLong";
  return TICKET_PATTERN.test(ticket) ? undefined : "characters";
}

/** What a page does with `?ticket=`: attach it, or say why it was not attached. */
export type TicketParam = { ticket?: string; rejected?: { shown: string; problem: TicketProblem } };

/** How much of a refused parameter is shown back (and carried through redirects). */
const SHOWN_LENGTH = 80;

export function readTicketParam(raw: string | string[] | undefined): TicketParam {
  const ticket = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!ticket) return {};
  const problem = ticketProblem(ticket);
  if (!problem) return { ticket };
  const shown = ticket.length > SHOWN_LENGTH ? `${ticket.slice(0, SHOWN_LENGTH)}…` : ticket;
  return { rejected: { shown, problem } };
}

/** The query string that carries the parameter on to another page, refused or not, so that
 * page can attach it or explain. */
export function ticketQuery(raw: string | string[] | undefined): string {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, SHOWN_LENGTH + 1);
  return value ? `?ticket=${encodeURIComponent(value)}` : "";
}
