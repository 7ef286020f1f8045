/**
 * The criteria and selection steps of the guide, as ids used by rules, the knowledge base and vendor
 * comparisons. The first fifteen are the guide's criteria, then its ten steps, then readiness.
 */
export const CRITERIA = [
  "location",
  "service-type",
  "agent-model",
  "reporting",
  "availability",
  "volume",
  "downtime",
  "languages",
  "size",
  "industry-experience",
  "expansion",
  "cost",
  "track-record",
  "security",
  "staff-capacity",
  "deployment",
  "needs",
  "operations",
  "contract",
  "integrations",
  "fees",
  "shop-around",
  "reviews",
  "verify-services",
  "operating-mode",
  "commit",
  "readiness",
] as const;

export type Criterion = (typeof CRITERIA)[number];

export const isCriterion = (v: string): v is Criterion => (CRITERIA as readonly string[]).includes(v);
