import type { Button, KnownBlock } from "@slack/types";
import type { Reply, ReplyFile } from "../commands/types.ts";
import type { Advice, ChecklistItem, Recommendation } from "../core/advice/advise.ts";
import { checklistText } from "../core/advice/advise.ts";
import type { Criterion } from "../core/advice/criteria.ts";
import type { Understood } from "../core/advice/freetext.ts";
import { CHOICE_LABELS, CRITERION_LABELS } from "../core/advice/labels.ts";
import { describeKey, PROFILE_KEYS, type Profile, type ProfileKey } from "../core/advice/profile.ts";
import { firstScreen, type Ranked, rankRecommendations } from "../core/advice/rank.ts";
import { showValue } from "../core/advice/words.ts";
import type { ReadingSummary } from "../core/read/summary.ts";
import { actions, context, divider, fitMessage, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";
import { LIMITS, truncate } from "./limits.ts";
import { readingBlocks } from "./reading.ts";

/** How the profile behind this advice came to be, for the line that says what was used. */
export type AdviceBasis =
  | { mode: "typed"; replaced: ProfileKey[] }
  | { mode: "update"; changed: ProfileKey[] }
  | { mode: "saved" };

export interface AdviceView {
  profile: Profile;
  advice: Advice;
  understood: Understood[];
  freeText: boolean;
  basis: AdviceBasis;
  /** Every recommendation grouped by criterion (`/cc-advise show all`), not the first screen. */
  full?: boolean;
  /** Words not used and warnings, when the profile was read from text. */
  reading?: ReadingSummary;
}

const BADGE: Record<Recommendation["severity"], string> = {
  must: ":red_circle: *must*",
  should: ":large_orange_circle: *should*",
  consider: ":white_circle: consider",
};

const fact = (key: ProfileKey, value: unknown): string => `\`${key}\`=${showValue(key, value)}`;

/** The message's JSON must stay under Slack's size limit with room for the checklist. */
const BUDGET = LIMITS.messageChars - 1500;

/**
 * One criterion's recommendations as one section. `detail` drops text as the message grows:
 * 0 reason and explanation, 1 reason only, 2 reasons for musts and shoulds only, 3 titles only.
 */
function criterionSection(criterion: Criterion, recs: Recommendation[], detail: number): KnownBlock {
  const lines = [`*${CRITERION_LABELS[criterion]}*`];
  for (const r of recs) {
    lines.push(`${BADGE[r.severity]} · ${r.title}`);
    const showReason = detail < 2 || (detail === 2 && r.severity !== "consider");
    if (showReason) lines.push(`      ${r.reason}${detail === 0 ? ` ${r.explanation}` : ""}`);
    if (r.choice && r.alternatives?.length) {
      const label = (c: string) => CHOICE_LABELS[c] ?? c;
      const others = r.alternatives.map((a) => label(a.choice)).join(" and ");
      const why =
        detail >= 3
          ? ""
          : ` (${r.alternatives
              .map((a) => `${label(a.choice)}: ${a.reason.replace(/^Because /, "").replace(/\.$/, "")}`)
              .join("; ")})`;
      const rank = r.alternatives.length === 1 ? "ranks" : "rank";
      lines.push(`      ↳ Chosen: *${label(r.choice)}* over ${others}, which ${rank} lower${why}.`);
    }
  }
  return section(truncate(lines.join("\n"), LIMITS.sectionText));
}

const groups = (recs: Recommendation[]): Array<[Criterion, Recommendation[]]> => {
  const out: Array<[Criterion, Recommendation[]]> = [];
  for (const r of recs) {
    const last = out[out.length - 1];
    if (last && last[0] === r.criterion) last[1].push(r);
    else out.push([r.criterion, [r]]);
  }
  return out;
};

function understoodBlock(view: AdviceView): KnownBlock | undefined {
  if (view.understood.length === 0) return undefined;
  const lines = view.understood.map((u) => {
    const typed = u.from.includes("=") && u.from.startsWith(u.key);
    return typed ? `• ${fact(u.key, u.value)}` : `• ${fact(u.key, u.value)} _from “${truncate(u.from, 80)}”_`;
  });
  const head = view.freeText
    ? "*What I understood* (correct anything wrong with key=value, e.g. `volume=2500`)"
    : "*Facts used*";
  return section(truncate([head, ...lines].join("\n"), LIMITS.sectionText));
}

const facts = (n: number): string => `${n} ${n === 1 ? "fact" : "facts"}`;

const basisLine = (basis: AdviceBasis, keys: number): string => {
  switch (basis.mode) {
    case "typed":
      return basis.replaced.length
        ? `Advice on exactly what you typed (${facts(keys)}), now saved as your profile. Your previous profile also had ${basis.replaced.map((k) => `\`${k}\``).join(", ")}, which ${basis.replaced.length === 1 ? "was" : "were"} dropped: use \`/cc-advise update …\` to change only some facts.`
        : `Advice on exactly what you typed (${facts(keys)}), now saved as your profile.`;
    case "update":
      return `Advice on your saved profile with ${basis.changed.map((k) => `\`${k}\``).join(", ")} updated (${facts(keys)} in all); saved.`;
    case "saved":
      return `Advice on your saved profile (${facts(keys)}).`;
  }
};

/** Phone-sized: a section of at most a dozen lines with the heading and the "more" line. */
const CHECKLIST_SHOWN = 10;
const SECTION_LINES = 12;

function checklistBlocks(items: ChecklistItem[]): KnownBlock[] {
  if (items.length === 0) return [];
  const musts = items.filter((i) => i.severity === "must");
  const shown = (musts.length ? musts : items).slice(0, CHECKLIST_SHOWN);
  const lines = [
    `*Questions to ask every vendor* (${items.length} in all; the full checklist is in the attached file \`vendor-questions.txt\`)`,
    ...shown.map((i, n) => `${n + 1}. ${i.question}`),
  ];
  const rest = items.length - shown.length;
  if (rest > 0) lines.push(`_…and ${rest} more in the file._`);
  return [section(truncate(lines.join("\n"), LIMITS.sectionText))];
}

/** The checklist file: the questions grouped by criterion, with the profile they were drawn from. */
export function checklistFile(view: Pick<AdviceView, "advice" | "profile">): ReplyFile {
  const facts = PROFILE_KEYS.filter((k) => view.profile[k] !== undefined)
    .map((k) => `  ${k}: ${showValue(k, view.profile[k])}`)
    .join("\n");
  const content = `${checklistText(view.advice.checklist)}\nBased on this profile:\n${facts}\n`;
  return {
    filename: "vendor-questions.txt",
    title: "Questions to ask call-center vendors",
    content,
    onceUnchanged: true,
  };
}

const present = (b: Button | undefined): b is Button => b !== undefined;

function renderFullAdvice(view: AdviceView): Reply {
  const { advice } = view;
  const recs = advice.recommendations;
  const musts = recs.filter((r) => r.severity === "must").length;
  const keys = PROFILE_KEYS.filter((k) => view.profile[k] !== undefined).length;
  const grouped = groups(recs);
  const summary = section(
    `*${recs.length} recommendations* on ${grouped.length} criteria, *${musts} of them musts*, listed first. ${basisLine(view.basis, keys)}`,
  );
  const top: KnownBlock[] = [header("Call-center advice"), summary];
  const understood = understoodBlock(view);
  if (understood) top.push(understood);
  top.push(...readingBlocks(view.reading));
  top.push(divider());
  const tail: KnownBlock[] = [divider(), ...checklistBlocks(advice.checklist)];
  const buttons = [
    formButton("Edit profile", "advise", ""),
    commandButton("Show saved profile", "advise", "show"),
  ].filter(present);
  if (buttons.length) tail.push(actions(buttons));

  let blocks: KnownBlock[] = [];
  for (let detail = 0; detail <= 3; detail++) {
    blocks = [...top, ...grouped.map(([c, rs]) => criterionSection(c, rs, detail)), ...tail];
    if (JSON.stringify(blocks).length <= BUDGET) break;
  }
  // Whatever remains too long loses middle sections, never the checklist at the end.
  const fitted = fitMessage(blocks);
  const final =
    fitted.length === blocks.length
      ? fitted
      : [...fitMessage(blocks.slice(0, -tail.length), LIMITS.messageBlocks - tail.length), ...tail];
  const text = `${recs.length} recommendations (${musts} musts) and ${advice.checklist.length} questions to ask vendors.`;
  return { text, blocks: final, visibility: "ephemeral", files: [checklistFile(view)] };
}

/** `/cc-advise show`: the saved profile. */
export function renderProfile(profile: Profile | undefined): Reply {
  const keys = PROFILE_KEYS.filter((k) => profile?.[k] !== undefined);
  if (!profile || keys.length === 0) {
    return {
      text: "No profile saved yet.",
      blocks: [
        section(
          "*No profile saved yet.* Describe your team with `/cc-advise` and I'll keep it for later advice, estimates and vendor comparisons.",
        ),
        context("Example: `/cc-advise volume=2000 pattern=inconsistent languages=en,es payments=yes`"),
      ],
      visibility: "ephemeral",
    };
  }
  const lines = keys.map((k) => `• ${fact(k, profile[k])}`);
  const buttons = [
    commandButton("Advise on it", "advise", "update"),
    formButton("Edit profile", "advise", ""),
    commandButton("Reset", "advise", "reset", "danger"),
  ].filter(present);
  const blocks: KnownBlock[] = [
    header("Your saved profile"),
    section(truncate(lines.join("\n"), LIMITS.sectionText)),
    context("Change some facts with `/cc-advise update key=value`; `/cc-advise reset` forgets it."),
  ];
  if (buttons.length) blocks.push(actions(buttons));
  return { text: `Your saved profile: ${facts(keys.length)}.`, blocks, visibility: "ephemeral" };
}

export function renderReset(removed: Profile | undefined): Reply {
  const keys = PROFILE_KEYS.filter((k) => removed?.[k] !== undefined);
  const text = keys.length
    ? `Your saved profile (${facts(keys.length)}) is forgotten.`
    : "There was no saved profile to forget.";
  const blocks: KnownBlock[] = [section(`:white_check_mark: ${text}`)];
  if (keys.length)
    blocks.push(
      context(`It had: ${truncate(keys.map((k) => `${k}=${showValue(k, removed?.[k])}`).join(", "), 1800)}`),
    );
  return { text, blocks, visibility: "ephemeral" };
}

/** `/cc-advise help`: the syntax and every key with its description. */
export function renderAdviseHelp(examples: string[]): Reply {
  const keyLines = PROFILE_KEYS.map((k) => `• \`${k}\`: ${describeKey(k)}`);
  const blocks: KnownBlock[] = [
    header("/cc-advise: what kind of call center to look for"),
    section(
      "Describe your team in a sentence or with key=value pairs, and I'll recommend what to look for, why, and what to ask each vendor.\n" +
        "• `/cc-advise key=value …` or a description: advice on exactly what you typed; it becomes your saved profile.\n" +
        "• `/cc-advise update key=value …`: change some facts of the saved profile and advise on the result.\n" +
        "• `/cc-advise show` · `/cc-advise reset` · `/cc-advise` alone opens a form with your saved profile.",
    ),
    ...listSections("*Keys*", keyLines),
    context(...examples.slice(0, 3).map((e) => `Example: \`/cc-advise ${e}\``)),
  ];
  return { text: "How to use /cc-advise", blocks, visibility: "ephemeral" };
}

const choiceNote = (r: Recommendation): string => {
  if (!r.choice || !r.alternatives?.length) return "";
  const label = (c: string) => CHOICE_LABELS[c] ?? c;
  return ` (over ${r.alternatives.map((a) => label(a.choice)).join(" and ")})`;
};

/** One line a point: its badge, its title and its reason in the team's own facts. */
const pointLine = (x: Ranked): string => {
  const r = x.recommendation;
  return `${BADGE[r.severity]} · *${r.title}*${choiceNote(r)}: ${r.reason}`;
};

/** Lines in sections of at most SECTION_LINES, the heading on the first. */
function listSections(heading: string, lines: string[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += SECTION_LINES - 1) {
    const chunk = lines.slice(i, i + SECTION_LINES - 1);
    out.push(section(truncate([...(i === 0 ? [heading] : []), ...chunk].join("\n"), LIMITS.sectionText)));
  }
  return out;
}

const points = (n: number): string => `${n} ${n === 1 ? "point" : "points"}`;

/**
 * The advice as a busy team reads it: the musts that follow from its own facts, then at most five
 * further points ranked by how much they change its choice; everything else one click away.
 */
export function renderAdvice(view: AdviceView): Reply {
  if (view.full) return renderFullAdvice(view);
  const { advice } = view;
  const ranked = rankRecommendations(advice.recommendations, view.profile);
  const screen = firstScreen(ranked);
  const keys = PROFILE_KEYS.filter((k) => view.profile[k] !== undefined).length;
  const restSpecific = screen.rest.filter((x) => x.specific).length;
  const restGeneral = screen.rest.length - restSpecific;

  const parts: string[] = [];
  if (screen.musts.length)
    parts.push(`${screen.musts.length} ${screen.musts.length === 1 ? "must" : "musts"} from your facts`);
  if (screen.top.length)
    parts.push(
      `the ${screen.top.length === 1 ? "point that changes" : `${screen.top.length} points that change`} your choice most`,
    );
  const lead = parts.length
    ? `*For your team:* ${parts.join(" and ")}.`
    : "*Nothing you have told me changes the advice yet.* Tell me your volume, hours, languages or payments (e.g. `/cc-advise volume=2000 hours=24/7 languages=en,es`) and the points that matter for your team come first.";
  const blocks: KnownBlock[] = [
    header("Call-center advice"),
    section(`${lead} ${basisLine(view.basis, keys)}`),
  ];
  const understood = understoodBlock(view);
  if (understood) blocks.push(understood);
  blocks.push(...readingBlocks(view.reading));
  if (screen.musts.length)
    blocks.push(...listSections("*Musts from your facts*", screen.musts.map(pointLine)));
  if (screen.top.length) blocks.push(...listSections("*Worth weighing for you*", screen.top.map(pointLine)));

  const more: string[] = [];
  if (restSpecific) more.push(`${points(restSpecific)} more from your facts`);
  if (restGeneral)
    more.push(`${restGeneral} more ${restGeneral === 1 ? "point" : "points"} the guide makes for every team`);
  if (more.length) {
    const all = commandButton("Show all points", "advise", "show all");
    blocks.push(section(`${more.join(" and ")}: \`/cc-advise show all\``, all));
  }
  blocks.push(divider(), ...checklistBlocks(advice.checklist));
  const buttons = [
    formButton("Edit profile", "advise", ""),
    commandButton("Show saved profile", "advise", "show"),
  ].filter(present);
  if (buttons.length) blocks.push(actions(buttons));

  const recs = advice.recommendations;
  const musts = recs.filter((r) => r.severity === "must").length;
  const text = `${screen.musts.length} musts from your facts, ${screen.top.length} further points, ${screen.rest.length} more behind "show all" (${recs.length} recommendations, ${musts} musts in all).`;
  return { text, blocks: fitMessage(blocks), visibility: "ephemeral", files: [checklistFile(view)] };
}
