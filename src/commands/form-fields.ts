import type { FormField } from "./types.ts";

/**
 * Coverage choices shared by the estimate and vendor forms. Both parsers read `business` and `9x5` alike;
 * each form keeps the value it prefills with.
 */
export const coverageOptions = (business: "business" | "9x5"): Array<{ value: string; label: string }> => [
  { value: business, label: "Business hours (9 h × 5 days)" },
  { value: "12x5", label: "12 h × 5 days" },
  { value: "12x6", label: "12 h × 6 days" },
  { value: "12x7", label: "12 h × 7 days" },
  { value: "16x7", label: "16 h × 7 days" },
  { value: "24x5", label: "24 h × 5 days" },
  { value: "24/7", label: "24/7" },
];

/**
 * The service-level inputs shared by the staffing and estimate forms: both size agents with Erlang C
 * and take the same keys (empty means the stated default).
 */
export const QUEUE_FORM_FIELDS: FormField[] = [
  {
    key: "answer-sec",
    label: "Answered within (seconds)",
    kind: "number",
    optional: true,
    min: 0,
    placeholder: "20",
  },
  {
    key: "target",
    label: "Service-level target (%)",
    kind: "number",
    optional: true,
    min: 1,
    max: 99.9,
    placeholder: "80",
  },
  {
    key: "shrinkage",
    label: "Shrinkage (%)",
    hint: "Paid time agents are not taking contacts: breaks, training, absence.",
    kind: "number",
    optional: true,
    min: 0,
    max: 99,
    placeholder: "30",
  },
  {
    key: "max-occupancy",
    label: "Maximum occupancy (%)",
    kind: "number",
    optional: true,
    min: 1,
    max: 100,
    placeholder: "85",
  },
];
