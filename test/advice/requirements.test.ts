import { describe, expect, it } from "vitest";
import { checkVendor, failedMusts, mustRequirements } from "../../src/core/advice/requirements.ts";

describe("must-level requirements for vendor comparison", () => {
  const profile = {
    languages: ["en", "es"],
    hours: "24/7" as const,
    payments: true,
    crm: ["salesforce"],
    volume: 2000,
  };

  it("names business tools as their makers write them, and unknown tools as typed", () => {
    const integration = mustRequirements({ crm: ["salesforce", "hubspot", "acmecrm"] }).find(
      (r) => r.kind === "integrations",
    );
    expect(integration?.label).toBe("Integrates with Salesforce, HubSpot and acmecrm");
  });

  it("derives the musts from the profile", () => {
    const kinds = mustRequirements(profile).map((r) => r.kind);
    expect(kinds).toEqual([
      "languages",
      "hours",
      "pci-dss",
      "integrations",
      "no-minimum-above",
      "hold-not-billed",
    ]);
    expect(mustRequirements({ languages: ["en"] }).map((r) => r.kind)).toEqual(["hold-not-billed"]);
  });

  it("lists the musts a vendor fails, and what is missing", () => {
    const failed = failedMusts(profile, {
      languages: ["en", "fr"],
      hours: "extended",
      pciDss: true,
      integrations: ["Salesforce"],
      minimumVolume: 5000,
      holdBilled: true,
    });
    expect(failed.map((f) => f.requirement.kind)).toEqual([
      "languages",
      "hours",
      "no-minimum-above",
      "hold-not-billed",
    ]);
    expect(failed[0]?.missing).toEqual(["es"]);
  });

  it("treats what a vendor has not said as unknown, not failed", () => {
    const checks = checkVendor(mustRequirements(profile), {});
    expect(checks.every((c) => c.status === "unknown")).toBe(true);
  });
});
