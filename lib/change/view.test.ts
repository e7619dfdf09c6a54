import { describe, expect, it } from "vitest";
import { changeView } from "./view";

describe("changeView", () => {
  it("a sentence from the server is said as it is, above the form", () => {
    expect(changeView({ serverError: "You are signed out." })).toEqual({
      outcome: "error",
      fieldErrors: {},
      form: { said: [{ text: "You are signed out." }], tone: "error" },
    });
  });

  it("the schema's keys land on their fields; a path the form lacks is said above it", () => {
    const view = changeView(
      { validationErrors: { fieldErrors: { reason: ["reasonRequired", "reasonTooLong"], profileId: ["Invalid"] } } },
      (path) => path === "reason",
    );
    expect(view.fieldErrors).toEqual({ reason: "reasonRequired" });
    expect(view.form?.said).toEqual([{ message: "Invalid" }]);
  });

  it("success carries the value", () => {
    expect(changeView({ data: { outcome: "succeeded", value: { profileId: "p" }, replayed: true } }).succeeded).toEqual(
      { value: { profileId: "p" }, replayed: true },
    );
  });

  it("a failure said on no field gets the outage-aware words and keeps Adapty's references", () => {
    const failure = { kind: "unavailable", status: 503, requestId: "r1" } as const;
    const view = changeView({ data: { outcome: "failed", failure } });
    expect(view.form).toEqual({ said: [{ message: "Change.failedUnavailable" }], failure, tone: "error" });
  });

  it("an outage is said as one, whatever else Adapty answered", () => {
    const failure = { kind: "unavailable", status: 500 } as const;
    const adaptySaid = { key: "Change.adaptySaid", values: { detail: "Internal error" } };
    expect(changeView({ data: { outcome: "failed", failure, message: adaptySaid } }).form?.said).toEqual([
      { message: "Change.failedUnavailable" },
    ]);
  });

  it("Adapty's refusal, with no field to put it on, says what Adapty said", () => {
    const failure = { kind: "invalid_request", status: 400 } as const;
    const adaptySaid = { key: "Change.adaptySaid", values: { detail: "Bad profile" } };
    expect(changeView({ data: { outcome: "failed", failure, message: adaptySaid } }).form?.said).toEqual([
      { message: adaptySaid },
    ]);
    expect(changeView({ data: { outcome: "failed", failure } }).form?.said).toEqual([{ message: "Change.failed" }]);
  });

  it("a failure on a field says nothing more above the form", () => {
    const view = changeView({
      data: {
        outcome: "failed",
        failure: { kind: "invalid_request", status: 400 },
        fieldErrors: { accessLevelId: "Access.errors.paid_access_level_does_not_exist" },
      },
    });
    expect(view.fieldErrors).toEqual({ accessLevelId: "Access.errors.paid_access_level_does_not_exist" });
    expect(view.form).toBeUndefined();
  });

  it("an unknown outcome says so, unless it says why (still in progress)", () => {
    expect(changeView({ data: { outcome: "unknown", failure: { kind: "timeout" } } }).form?.said).toEqual([
      { message: "Change.unknownOutcome" },
    ]);
    expect(changeView({ data: { outcome: "unknown", message: "Change.inProgress" } }).form?.said).toEqual([
      { message: "Change.inProgress" },
    ]);
  });

  it("a refusal with an existing profile offers it, as information", () => {
    const view = changeView({ data: { outcome: "refused", message: "ProfileForm.exists", existingProfileId: "p1" } });
    expect(view.form).toMatchObject({
      existingProfileId: "p1",
      tone: "info",
      said: [{ message: "ProfileForm.exists" }],
    });
  });

  it("a refusal with values keeps them for the words", () => {
    const message = { key: "Access.busy", values: { level: "premium" } };
    expect(changeView({ data: { outcome: "refused", message } }).form?.said).toEqual([{ message }]);
  });

  it("no answer at all is a fault of ours", () => {
    expect(changeView(undefined).form?.said).toEqual([{ message: "ActionErrors.unexpected" }]);
  });
});
