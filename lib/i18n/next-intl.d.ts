import type messages from "./messages/en.json";
import type { Locale } from "./locales";

// Message keys are checked at compile time against the English catalogue.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
    Locale: Locale;
  }
}
