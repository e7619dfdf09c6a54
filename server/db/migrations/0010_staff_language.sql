-- The console language a staff member chose, so it follows them to another browser; null until
-- they choose one (their browser's Accept-Language decides). Checked by the app (lib/i18n/locales.ts).
ALTER TABLE "staff" ADD COLUMN "language" text;
