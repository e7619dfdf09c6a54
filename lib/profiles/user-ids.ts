// How agents name a customer: their customer user id (anything the app chose) or their
// Adapty profile id (a UUID). A UUID may be either, so lookups try both.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

export const MAX_USER_ID_LENGTH = 500;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A usable id: 1–500 characters, no line breaks or other control characters. */
export function isValidUserId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_USER_ID_LENGTH && !CONTROL.test(value);
}

/** The deep link for a customer user id; every character that could break a path is encoded. */
export const byCustomerPath = (customerUserId: string) => `/profiles/by-customer/${encodeURIComponent(customerUserId)}`;
export const byProfilePath = (profileId: string) => `/profiles/${encodeURIComponent(profileId)}`;

/** A path with these query parameters, leaving out the ones not given (such as no ticket). */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const given = Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return given.length === 0 ? path : `${path}?${new URLSearchParams(given).toString()}`;
}

/**
 * Where the lookup box sends a query: always the search page, which asks Adapty by exact id
 * and the console's index by email, transaction id and customer-user-id prefix.
 */
export const lookupPath = (query: string): string => `/profiles/find?q=${encodeURIComponent(query.trim())}`;
