/**
 * A price as the agent's locale writes it in its currency ("$9.99", "9,99 €", "￥1,200").
 * A currency code Intl does not know is written as sent after the number.
 */
export function formatPrice(locale: string, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  }
}
