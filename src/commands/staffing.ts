import { type GridCell, solveChannel, whatIfGrid } from "../core/staffing/channel.ts";
import { HELP, parseStaffing } from "../core/staffing/parse.ts";
import { renderCommandHelp } from "../render/help.ts";
import { renderStaffing } from "../render/staffing.ts";
import { STAFFING_META } from "./catalog.ts";
import { CONCURRENCY_FORM_FIELD, PATIENCE_FORM_FIELDS, QUEUE_FORM_FIELDS } from "./form-fields.ts";
import type { CommandSpec, FormSpec } from "./types.ts";

/** What `--json` prints: the solve's figures and the inputs it used (rates as fractions, times in s). */
export interface StaffingJson {
  inputs: {
    callsPerInterval: number;
    intervalSeconds: number;
    ahtSeconds: number;
    answerSeconds: number;
    target: number;
    shrinkage: number;
    maxOccupancy: number;
    patienceSeconds: number | null;
    maxAbandon: number | null;
  };
  model: "erlang-c" | "erlang-a";
  channel: "voice" | "chat" | "email";
  /** Chat only: chats one agent handles at once, and the agent slots the solver gave. */
  concurrency?: number;
  slots?: number;
  trafficErlangs: number;
  agents: number;
  scheduledAgents: number;
  serviceLevel: number;
  /** Null for e-mail, and when the agents given cannot carry the traffic. */
  asaSeconds: number | null;
  /** Mean wait of all callers (answered or not). */
  avgWaitSeconds: number | null;
  occupancy: number;
  probWait: number;
  probWaitOver5Min: number | null;
  /** Null under Erlang C: nobody hangs up. */
  abandonRate: number | null;
  bindingConstraint: "service_level" | "occupancy" | "abandonment" | "fixed";
  /** `agents=N` given and N cannot carry the traffic (Erlang C): the queue grows without end. */
  overloaded: boolean;
  grid?: GridCell[];
}

/** `grid` (or grid=yes): the what-if table of ±20% volume and ±1 minute handle time. */
const GRID_WORD = /(^|\s)grid(=(yes|true|1))?(?=\s|$)/i;

const FORM: FormSpec = {
  title: "Staffing calculator",
  submit: "Calculate",
  intro:
    "How many agents answer your calls, chats or e-mails in time (Erlang C, or Erlang A when you give a patience). Leave the optional fields empty for the usual defaults.",
  fields: [
    {
      key: "channel",
      label: "Channel",
      kind: "select",
      options: [
        { value: "voice", label: "Voice (phone calls)" },
        { value: "chat", label: "Chat (several at once)" },
        { value: "email", label: "E-mail or other asynchronous" },
      ],
      initial: "voice",
    },
    {
      key: "calls",
      label: "Contacts per interval (calls, chats or e-mails)",
      kind: "number",
      decimal: true,
      min: 0.01,
      placeholder: "100",
    },
    {
      key: "interval-min",
      label: "Interval length",
      kind: "select",
      options: [
        { value: "15", label: "15 minutes" },
        { value: "30", label: "30 minutes" },
        { value: "60", label: "1 hour" },
      ],
      initial: "30",
    },
    {
      key: "aht-sec",
      label: "Average handle time, in seconds (talk + hold + wrap-up)",
      kind: "number",
      decimal: true,
      min: 1,
      placeholder: "180",
    },
    ...QUEUE_FORM_FIELDS,
    CONCURRENCY_FORM_FIELD,
    {
      key: "response-h",
      label: "E-mail response target (hours, e-mail only)",
      hint: "Default 24 h. Leave “Answered within” empty for e-mail.",
      kind: "number",
      decimal: true,
      optional: true,
      min: 0.05,
      placeholder: "24",
    },
    ...PATIENCE_FORM_FIELDS,
  ],
};

export const staffingCommand: CommandSpec = {
  ...STAFFING_META,
  async form(text) {
    const t = text.trim();
    if (t === "") return FORM;
    // `edit <text>`: the form prefilled with that calculation, to change it.
    const edit = /^edit\b\s*/i.exec(t);
    if (!edit) return undefined;
    const parsed = parseStaffing(t.slice(edit[0].length).replace(GRID_WORD, " "));
    const i = parsed.input;
    const m = parsed.model;
    const round = (x: number) => String(Math.round(x * 1000) / 1000);
    const values: Record<string, string> = {
      channel: m.channel,
      calls: round(i.callsPerInterval),
      "interval-min": round(i.intervalSeconds / 60),
      "aht-sec": round(i.ahtSeconds),
      ...(m.channel === "email"
        ? { "response-h": round(i.answerSeconds / 3600) }
        : { "answer-sec": round(i.answerSeconds) }),
      target: round(i.target * 100),
      shrinkage: round(i.shrinkage * 100),
      "max-occupancy": round(i.maxOccupancy * 100),
      ...(m.channel === "chat" ? { concurrency: String(m.concurrency) } : {}),
      ...(m.patienceSeconds !== undefined ? { "patience-sec": round(m.patienceSeconds) } : {}),
      ...(m.maxAbandon !== undefined ? { "max-abandon": round(m.maxAbandon * 100) } : {}),
    };
    return {
      ...FORM,
      fields: FORM.fields.map((f) => {
        const v = values[f.key];
        if (v === undefined) return f;
        // An interval not among the choices joins them, so submitting the form unchanged keeps it.
        if (f.options && !f.options.some((o) => o.value === v))
          return { ...f, options: [...f.options, { value: v, label: `${v} minutes` }], initial: v };
        return { ...f, initial: v };
      }),
    };
  },
  async run(text, ctx) {
    if (/^(help|\?)$/i.test(text.trim()))
      return {
        result: { help: true },
        reply: renderCommandHelp("/cc-staffing", this.summary, HELP, this.examples),
      };
    const grid = GRID_WORD.test(text);
    const parsed = parseStaffing(text.replace(GRID_WORD, " ").trim(), { locale: await ctx.userLocale() });
    const r = solveChannel(parsed.input, parsed.model);
    const cells = grid ? whatIfGrid(parsed.input, parsed.model) : undefined;
    const result: StaffingJson = {
      inputs: {
        ...parsed.input,
        patienceSeconds: parsed.model.patienceSeconds ?? null,
        maxAbandon: parsed.model.maxAbandon ?? null,
      },
      model: r.model,
      channel: r.channel,
      ...(r.channel === "chat" ? { concurrency: r.concurrency, slots: r.slots } : {}),
      trafficErlangs: r.trafficErlangs,
      agents: r.agents,
      scheduledAgents: r.scheduledAgents,
      serviceLevel: r.serviceLevel,
      asaSeconds: r.asaSeconds,
      occupancy: r.occupancy,
      probWait: r.probWait,
      probWaitOver5Min: r.probWaitOver5Min,
      avgWaitSeconds: r.avgWaitSeconds,
      abandonRate: r.abandonRate,
      bindingConstraint: r.bindingConstraint,
      overloaded: r.overloaded,
      ...(cells ? { grid: cells } : {}),
    };
    return { result, reply: renderStaffing(parsed, r, cells) };
  },
};
