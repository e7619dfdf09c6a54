import { describe, expect, it } from "vitest";
import { messageText, type Catalogue } from "./messages";

const MESSAGES: Record<string, string> = {
  "Access.errors.reasonRequired": "Give a reason.",
  "Access.busy": "Another change to {level} is under way.",
  "Change.failed": "Adapty refused the change.",
  "Validation.emailInvalid": "Enter a valid email address.",
};
const catalogue: Catalogue = {
  has: (key) => key in MESSAGES,
  translate: (key, values) =>
    (MESSAGES[key] ?? "").replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? "")),
};

describe("messageText", () => {
  it("completes a schema's short key with the form's namespace", () => {
    expect(messageText(catalogue, "reasonRequired", "Access.errors")).toBe("Give a reason.");
    expect(messageText(catalogue, "emailInvalid", "Validation")).toBe("Enter a valid email address.");
  });

  it("takes a full path as it is, whatever the form's namespace", () => {
    expect(messageText(catalogue, "Change.failed", "ProfileForm.errors")).toBe("Adapty refused the change.");
  });

  it("fills in a message's values", () => {
    expect(messageText(catalogue, { key: "Access.busy", values: { level: "premium" } })).toBe(
      "Another change to premium is under way.",
    );
  });

  it("shows what is no key as it is", () => {
    expect(messageText(catalogue, "Adapty said no.", "Access.errors")).toBe("Adapty said no.");
  });
});
