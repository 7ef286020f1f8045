import type { FormField } from "./types.ts";

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
