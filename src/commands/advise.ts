import { type Advice, advise, defaultRuleSet, type Recommendation } from "../core/advice/advise.ts";
import type { Understood } from "../core/advice/freetext.ts";
import { ADVISE_EXAMPLE, type AdviseInput, parseAdviseInput, YES_NO_KEYS } from "../core/advice/input.ts";
import {
  CHANNELS,
  describeKey,
  HOURS,
  INBOUND,
  OUTBOUND,
  PATTERNS,
  PROFILE_KEYS,
  type Profile,
  type ProfileKey,
  REGIONS,
  REPORTING,
} from "../core/advice/profile.ts";
import { rankRecommendations } from "../core/advice/rank.ts";
import type { CacheCaps } from "../core/bounded-cache.ts";
import { UserInputError } from "../core/errors.ts";
import { numberLocale } from "../core/format/number.ts";
import { identityOf, Memo } from "../core/memo.ts";
import { type ReadingSummary, volumeWarning } from "../core/read/summary.ts";
import {
  type AdviceBasis,
  renderAdvice,
  renderAdviseHelp,
  renderProfile,
  renderReset,
} from "../render/advise.ts";
import { ADVISE_META } from "./catalog.ts";
import type { CommandContext, CommandRun, CommandSpec, FormField, FormSpec } from "./types.ts";

// Load and check the rule files when the app starts: a broken file stops start-up with its name,
// the rule and the place of the problem, instead of failing on the first request.
defaultRuleSet();

/** One recommendation as `--json` prints it. */
export interface RecommendationJson {
  criterion: string;
  choice?: string;
  severity: Recommendation["severity"];
  title: string;
  reason: string;
  explanation: string;
  rule: string;
  askVendor: string[];
  alternatives?: Array<{ choice: string; title: string; rule: string; reason: string }>;
  /** 1 is the point that changes this team's choice most (the first screen's order). */
  rank: number;
  /** True when the rule fired on a fact the team gave. */
  specific: boolean;
}

export interface AdviseJson {
  profile: Profile;
  recommendations: RecommendationJson[];
  /** Facts read from the input and the words they came from. */
  understood: Understood[];
  /** Every question to ask vendors, without repeats. */
  checklist: string[];
  /** "typed": the input replaced the saved profile; "update": merged into it; "saved": used as saved. */
  basis: AdviceBasis["mode"];
  saved: boolean;
  /** The cost model's verdict the rules were given, as /cc-estimate computes it (null: volume unknown). */
  costVerdict: { cheapestModel: string | null; breakEvenVolume: number | null };
}

const EXAMPLES = ADVISE_META.examples;

const toJson = (r: Recommendation, rank: number, specific: boolean): RecommendationJson => ({
  criterion: r.criterion,
  ...(r.choice !== undefined ? { choice: r.choice } : {}),
  severity: r.severity,
  title: r.title,
  reason: r.reason,
  explanation: r.explanation,
  rule: r.rule,
  askVendor: r.askVendor,
  ...(r.alternatives ? { alternatives: r.alternatives } : {}),
  rank,
  specific,
});

const keysOf = (p: Profile | undefined): ProfileKey[] => PROFILE_KEYS.filter((k) => p?.[k] !== undefined);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A team re-reads its advice with the same line (the same facts typed again, "show all", the App Home's
 * button): the reading of a line and the reply for a profile are pure in their inputs and the locales,
 * so they are kept (a reply is about 30 KB as counted). Stored profiles are frozen, and a write
 * replaces them, so an identity stands for a content here.
 */
export const ADVISE_CACHE_CAPS: CacheCaps = { entries: 200, bytes: 6 * 1024 * 1024 };
const readings = new Memo<AdviseInput>({ entries: 500, bytes: 2 * 1024 * 1024 });
const replies = new Memo<CommandRun<AdviseJson>>(ADVISE_CACHE_CAPS);

const readLine = (text: string, locale: string | undefined): AdviseInput =>
  readings.get(`${locale ?? ""}|${text}`, () => parseAdviseInput(text, undefined, { locale }));

/** The saved profile's advice reads nothing: one list, so the kept reply is found again by identity. */
const NOTHING_READ: Understood[] = Object.freeze([]) as unknown as Understood[];

/** The reading with one more warning, leaving the kept reading as it is. */
const withWarning = (reading: ReadingSummary, warning: string | undefined): ReadingSummary =>
  warning ? { ...reading, warnings: [...reading.warnings, warning] } : reading;

function adviseRun(
  profile: Profile,
  understood: Understood[],
  freeText: boolean,
  basis: AdviceBasis,
  saved: boolean,
  full = false,
  reading?: ReadingSummary,
): Promise<CommandRun<AdviseJson>> {
  const key = [
    numberLocale(),
    identityOf(profile),
    identityOf(understood),
    freeText,
    JSON.stringify(basis),
    saved,
    full,
    reading ? JSON.stringify(reading) : "",
  ].join("|");
  return replies.getAsync(key, () => adviseNow(profile, understood, freeText, basis, saved, full, reading));
}

async function adviseNow(
  profile: Profile,
  understood: Understood[],
  freeText: boolean,
  basis: AdviceBasis,
  saved: boolean,
  full = false,
  reading?: ReadingSummary,
): Promise<CommandRun<AdviseJson>> {
  const advice: Advice = await advise(profile);
  const ranks = new Map(
    rankRecommendations(advice.recommendations, profile).map((x) => [x.recommendation, x]),
  );
  const result: AdviseJson = {
    profile,
    recommendations: advice.recommendations.map((r) => {
      const x = ranks.get(r);
      return toJson(r, x?.rank ?? 0, x?.specific ?? false);
    }),
    understood,
    checklist: advice.checklist.map((c) => c.question),
    basis: basis.mode,
    saved,
    costVerdict: advice.costVerdict ?? { cheapestModel: null, breakEvenVolume: null },
  };
  return {
    result,
    reply: renderAdvice({
      profile,
      advice,
      understood,
      freeText,
      basis,
      full,
      ...(reading ? { reading } : {}),
    }),
  };
}

const option = (value: string, label = value) => ({ value, label });
const yesNo = [option("yes", "Yes"), option("no", "No")];

/** The form's field for one key, prefilled from the saved profile. */
function formField(key: ProfileKey, saved: Profile | undefined): FormField {
  const v = saved?.[key];
  const base = { key, label: describeKey(key), optional: true } as const;
  const pick = (values: readonly string[]): FormField => ({
    ...base,
    kind: "select",
    options: values.map((x) => option(x)),
    ...(typeof v === "string" ? { initial: v } : {}),
  });
  const many = (values: readonly string[]): FormField => ({
    ...base,
    kind: "multiselect",
    options: values.map((x) => option(x)),
    ...(Array.isArray(v) ? { initial: v.map(String) } : {}),
  });
  switch (key) {
    case "pattern":
      return pick(PATTERNS);
    case "channels":
      return many(CHANNELS);
    case "inbound":
      return many(INBOUND);
    case "outbound":
      return many(OUTBOUND);
    case "expansion":
      return pick(REGIONS);
    case "accents":
      return pick(["sensitive", "tolerant"]);
    case "priority":
      return pick(["cost", "balanced", "quality"]);
    case "complexity":
      return pick(["simple", "specialized"]);
    case "hours":
      return pick(HOURS);
    case "reporting":
      return pick(REPORTING);
    case "cloud":
      return pick(["trusted", "skeptical"]);
    case "switching":
      return pick(["underperforming", "no"]);
    case "languages":
    case "crm":
      return {
        ...base,
        kind: "text",
        placeholder: key === "languages" ? "en, es" : "salesforce, zendesk",
        ...(Array.isArray(v) ? { initial: v.join(", ") } : {}),
      };
    case "industry":
      return {
        ...base,
        kind: "text",
        placeholder: "e-commerce",
        ...(typeof v === "string" ? { initial: v } : {}),
      };
    default:
      if (typeof v === "boolean" || YES_NO_KEYS.has(key))
        return {
          ...base,
          kind: "select",
          options: yesNo,
          ...(typeof v === "boolean" ? { initial: v ? "yes" : "no" } : {}),
        };
      return {
        ...base,
        kind: "number",
        decimal: ["talk", "wrap", "hold", "growth", "callback-hours"].includes(key),
        min: 0,
        ...(typeof v === "number" ? { initial: String(v) } : {}),
      };
  }
}

export function adviseForm(saved: Profile | undefined): FormSpec {
  return {
    title: "Your needs",
    submit: "Get advice",
    intro:
      "Fill in what you know; every field is optional. What you submit replaces your saved profile, and the advice is based on it.",
    fields: [
      {
        key: "describe",
        label: "Or describe your team in your own words",
        kind: "textarea",
        optional: true,
        placeholder: "A 40-person online shop, 2,000 calls a month, we need Spanish and take card payments…",
      },
      ...PROFILE_KEYS.map((k) => formField(k, saved)),
    ],
  };
}

async function savedProfile(ctx: CommandContext): Promise<Profile | undefined> {
  const store = await ctx.store();
  const p = (await store.read(ctx.workspace)).profile;
  return p && keysOf(p).length ? p : undefined;
}

export const adviseCommand: CommandSpec = {
  ...ADVISE_META,

  async form(text, ctx) {
    if (text.trim() !== "") return undefined;
    return adviseForm(await savedProfile(ctx));
  },

  async run(text, ctx) {
    const trimmed = text.trim();
    const [first = "", ...rest] = trimmed.split(/\s+/);
    const sub = first.toLowerCase();

    if (sub === "help" && rest.length === 0)
      return { result: { keys: PROFILE_KEYS }, reply: renderAdviseHelp(EXAMPLES) };

    if (sub === "show" && rest.length === 0) {
      const profile = await savedProfile(ctx);
      return { result: { profile: profile ?? null }, reply: renderProfile(profile) };
    }

    if (sub === "show" && rest.length === 1 && rest[0]?.toLowerCase() === "all") {
      const profile = await savedProfile(ctx);
      if (!profile)
        throw new UserInputError("There is no saved profile yet: describe your team first.", {
          example: ADVISE_EXAMPLE,
        });
      return adviseRun(profile, NOTHING_READ, false, { mode: "saved" }, false, true);
    }

    if (sub === "reset" && rest.length === 0) {
      const store = await ctx.store();
      const removed = await store.update(ctx.workspace, (draft) => {
        const old = draft.profile;
        delete draft.profile;
        return old;
      });
      return { result: { reset: true, removed: removed ?? null }, reply: renderReset(removed) };
    }

    if (trimmed === "" || (sub === "update" && rest.length === 0)) {
      const profile = await savedProfile(ctx);
      if (!profile)
        throw new UserInputError("There is no saved profile yet: describe your team first.", {
          example: ADVISE_EXAMPLE,
        });
      return adviseRun(profile, NOTHING_READ, false, { mode: "saved" }, false);
    }

    if (sub === "update") {
      const input = readLine(trimmed.slice(first.length), await ctx.userLocale());
      const store = await ctx.store();
      // Read, merge and save in one update so a concurrent change is not lost.
      let before: number | undefined;
      const merged = await store.update(ctx.workspace, (draft) => {
        before = draft.profile?.volume;
        const next: Profile = { ...(draft.profile ?? {}), ...input.profile };
        draft.profile = next;
        return next;
      });
      const changed = keysOf(input.profile);
      const warning =
        input.profile.volume !== undefined ? volumeWarning(input.profile.volume, before) : undefined;
      return adviseRun(
        merged,
        input.understood,
        input.freeText,
        { mode: "update", changed },
        true,
        false,
        withWarning(input.reading, warning),
      );
    }

    // Anything else is the profile itself: validated first, saved only when it is valid.
    const input = readLine(trimmed, await ctx.userLocale());
    const store = await ctx.store();
    // The same facts again write nothing: the store sees a change that changes nothing.
    const previous = await store.update(ctx.workspace, (draft) => {
      const old = draft.profile;
      draft.profile = input.profile;
      return old;
    });
    const replaced = keysOf(previous).filter(
      (k) => input.profile[k] === undefined && !same(previous?.[k], undefined),
    );
    const warning =
      input.profile.volume !== undefined ? volumeWarning(input.profile.volume, previous?.volume) : undefined;
    return adviseRun(
      input.profile,
      input.understood,
      input.freeText,
      { mode: "typed", replaced },
      true,
      false,
      withWarning(input.reading, warning),
    );
  },
};
