import type messages from "./messages/en.json";

// Message keys are checked at compile time against the English catalogue. The locale is the
// formatting one ("en-GB" for an English reader in Britain), so it stays a string; the
// language it belongs to is `languageOf()` (lib/i18n/language-of.ts).
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
  }
}
