/**
 * Messages a catalogue keeps exactly as the English one has them, because they hold no
 * words: identifiers an agent quotes to Adapty or an app team (IDFA, IDFV), Adapty's own
 * name, "UTC", separators and counters. Anything else identical to English is a missed
 * translation (lib/i18n/catalogues.test.ts).
 */
const EVERYWHERE = [
  "Audit.detailAdapty",
  "Audit.none",
  "Time.utc",
  "Profile.offerValue",
  "Access.inUtc",
  "ProfileForm.counter",
  "ProfileForm.idfa",
  "ProfileForm.idfv",
  // The stores' own names.
  "Timeline.stores.app_store",
  "Timeline.stores.play_store",
  "Timeline.stores.stripe",
  "Timeline.stores.paddle",
  "Timeline.stores.adapty",
];

export const KEPT_AS_IN_ENGLISH = {
  "zh-CN": EVERYWHERE,
  ja: EVERYWHERE,
  // Adapty's Vietnamese documentation says "Email" ("Email của người dùng cuối").
  vi: [
    ...EVERYWHERE,
    "SignIn.email",
    "Staff.email",
    "ProfileForm.email",
    "Time.zonedWithUtc",
    "Search.matchedBy.email",
  ],
} as const;
