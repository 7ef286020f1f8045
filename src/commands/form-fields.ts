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

/** Erlang A: callers' average patience and the abandonment limit (both forms; empty means Erlang C). */
export const PATIENCE_FORM_FIELDS: FormField[] = [
  {
    key: "patience-sec",
    label: "Average patience before hanging up (seconds)",
    hint: "Empty: Erlang C, callers assumed never to hang up. Given: Erlang A with the abandonment rate.",
    kind: "number",
    optional: true,
    min: 1,
    placeholder: "60",
  },
  {
    key: "max-abandon",
    label: "Maximum abandonment (%)",
    hint: "Needs a patience. Contracts often aim for 3–5% or 5–8%.",
    kind: "number",
    optional: true,
    min: 0.1,
    max: 99,
    placeholder: "5",
  },
];

/** Chats one agent handles at once (chat only). */
export const CONCURRENCY_FORM_FIELD: FormField = {
  key: "concurrency",
  label: "Chats one agent handles at once (chat only)",
  hint: "Default 2; above 5 quality is at risk.",
  kind: "number",
  optional: true,
  min: 1,
  max: 50,
  placeholder: "2",
};
