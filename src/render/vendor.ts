import type { Button, KnownBlock } from "@slack/types";
import type { Reply, ReplyFile } from "../commands/types.ts";
import { toolName } from "../core/advice/words.ts";
import { formatInt, formatNumber } from "../core/format/number.ts";
import { own } from "../core/read/lookup.ts";
import type { CheckResult } from "../core/vendors/checks.ts";
import type { CompareInput, Comparison, VendorComparison } from "../core/vendors/compare.ts";
import { RECOMMENDED_QUOTES } from "../core/vendors/compare.ts";
import type { CurrencyRates } from "../core/vendors/currency.ts";
import { hoursText } from "../core/vendors/format.ts";
import { languageName } from "../core/vendors/languages.ts";
import { neededHours } from "../core/vendors/needs.ts";
import type { Fee, Vendor } from "../core/vendors/vendor.ts";
import { actions, context, divider, fields, fitMessage, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";
import { LIMITS, truncate } from "./limits.ts";

// ---------- formatting ----------

/** User text inside mrkdwn: Slack needs &, < and > escaped, and * _ ~ ` would restyle a name. */
export const esc = (s: string): string =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (c) => `\u200b${c}`);

const int = (n: number): string => formatInt(n);

/** US dollars: $1,234 from $100 up, $12.34 below. */
export const usd = (n: number): string =>
  n >= 100 || Number.isInteger(n) ? `$${int(n)}` : `$${formatNumber(n, 2, 2)}`;

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };

/** An amount in a quote's own currency: $0.95, €1,500, 25 MXN. */
export const amountIn = (n: number, currency: string): string => {
  const text = n < 10 && !Number.isInteger(n) ? formatNumber(n, 2, 4) : formatNumber(n, 0, 2);
  const symbol = own(SYMBOLS, currency);
  return symbol ? `${symbol}${text}` : `${text} ${currency}`;
};

const seconds = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${s} s`);
const minutesText = (m: number) => {
  const s = Math.round(m * 60);
  return s % 60 === 0 ? `${s / 60} min` : s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

const feeLabel = (f: Fee, currency: string): string =>
  f.amount === 0 ? "none" : `${amountIn(f.amount, currency)}${f.per === "once" ? " once" : ` a ${f.per}`}`;

const list = (items: string[] | undefined): string | undefined =>
  items?.length ? items.join(", ") : undefined;

const unknownText = "_not asked yet_";

// ---------- one quote ----------

function priceText(v: Vendor): string {
  const parts: string[] = [];
  if (v.perMinute !== undefined) parts.push(`${amountIn(v.perMinute, v.currency)} a minute`);
  if (v.perHour !== undefined) parts.push(`${amountIn(v.perHour, v.currency)} an agent-hour`);
  if (v.perCall !== undefined) parts.push(`${amountIn(v.perCall, v.currency)} a call`);
  if (!parts.length) return unknownText;
  const billing =
    v.billingSeconds === undefined
      ? "rounding not asked yet"
      : v.billingSeconds === 1
        ? "billed by the second"
        : `rounded up to ${seconds(v.billingSeconds)}`;
  const hold =
    v.holdBilled === undefined
      ? "hold billing not asked yet"
      : v.holdBilled
        ? "hold time *billed*"
        : "hold not billed";
  return `${parts.join(" · ")}; ${billing}; ${hold}`;
}

function minimumText(v: Vendor): string {
  if (v.minimumMinutes === 0) return "none";
  const parts: string[] = [];
  if (v.minimumMinutes) parts.push(`${int(v.minimumMinutes)} minutes a month`);
  if (v.minimumContacts !== undefined) parts.push(`${int(v.minimumContacts)} contacts a month`);
  if (v.minimumCharge !== undefined) parts.push(`${amountIn(v.minimumCharge, v.currency)} a month`);
  const overage =
    v.overagePerMinute !== undefined
      ? `overage ${amountIn(v.overagePerMinute, v.currency)} a minute`
      : v.overagePercent !== undefined
        ? v.overagePercent === 0
          ? "no overage fee"
          : `overage +${v.overagePercent}%`
        : undefined;
  if (overage) parts.push(overage);
  return parts.length ? parts.join("; ") : unknownText;
}

function feesText(v: Vendor): string {
  const c = v.currency;
  return [
    `setup ${v.setupFee === undefined ? "?" : v.setupFee === 0 ? "none" : amountIn(v.setupFee, c)}`,
    `holidays ${v.holidayFee ? feeLabel(v.holidayFee, c) : "?"}`,
    `other ${v.otherFees ? feeLabel(v.otherFees, c) : "?"}`,
  ].join(" · ");
}

function contractText(v: Vendor): string {
  const parts: string[] = [];
  if (v.contractMonths !== undefined)
    parts.push(`${v.contractMonths} month${v.contractMonths === 1 ? "" : "s"}`);
  if (v.noticeDays !== undefined)
    parts.push(v.noticeDays === 0 ? "no notice period" : `${v.noticeDays} days' notice`);
  if (v.freeTrial !== undefined)
    parts.push(
      v.freeTrial ? (v.trialDays ? `${v.trialDays}-day free trial` : "free trial") : "no free trial",
    );
  return parts.length ? parts.join(" · ") : unknownText;
}

const hoursLabel = (v: Vendor) =>
  v.hours
    ? hoursText(v.hours) === "24/7"
      ? "24/7"
      : `${v.hours.hoursPerDay} h × ${v.hours.daysPerWeek} days`
    : unknownText;

function securityText(v: Vendor): string {
  const certs = v.certs
    ? v.certs.length
      ? v.certs.map((c) => c.toUpperCase()).join(", ")
      : "none"
    : "certs ?";
  const dr = v.dr === undefined ? "DR ?" : v.dr ? "disaster recovery" : "no disaster recovery";
  const up = v.uptime !== undefined ? `${v.uptime}% uptime` : "uptime ?";
  const deploy = v.deployment?.length ? ` · ${v.deployment.join(" or ")}` : "";
  return `${certs} · ${dr} · ${up}${deploy}`;
}

/** One quote's fields, for `show` and the confirmation after `add` / `edit`. */
function quoteFields(v: Vendor): Array<[string, string]> {
  const where = [v.location, v.country].filter(Boolean).join(", ");
  return [
    ["Where", where ? esc(where) : unknownText],
    [
      "Model",
      [v.model, v.agents?.length ? `offers ${v.agents.join(", ")}` : ""].filter(Boolean).join("; ") ||
        unknownText,
    ],
    ["Price", priceText(v)],
    ["Minimums", minimumText(v)],
    ["Fees", feesText(v)],
    ["Hours", hoursLabel(v)],
    ["Languages", v.languages ? esc(v.languages.map(languageName).join(", ")) : unknownText],
    ["Services", list(v.services) ?? unknownText],
    ["Security", securityText(v)],
    ["Reporting", list(v.reporting) ?? unknownText],
    ["Tools", v.crm ? (v.crm.length ? esc(v.crm.map(toolName).join(", ")) : "none") : unknownText],
    ["Industries", v.industries ? esc(v.industries.join(", ")) : unknownText],
    ["Size", v.size !== undefined ? `${int(v.size)} agents` : unknownText],
    ["Contract", contractText(v)],
    ["References", v.rating !== undefined ? `${v.rating} / 5` : unknownText],
    ["Currency", v.currency],
  ];
}

const quoteBlocks = (v: Vendor): KnownBlock[] => {
  const f = quoteFields(v);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < f.length; i += LIMITS.sectionFields)
    blocks.push(fields(f.slice(i, i + LIMITS.sectionFields)));
  if (v.notes) blocks.push(section(`*Notes*\n${esc(v.notes)}`));
  return blocks;
};

const buttons = (...bs: Array<Button | undefined>): Button[] =>
  bs.filter((b): b is Button => b !== undefined);

function vendorActions(v: Vendor, args = ""): KnownBlock {
  return actions(
    buttons(
      formButton("Edit", "vendor", `edit ${v.name}`),
      commandButton("Compare all", "vendor", `compare ${args}`.trim()),
      commandButton("Remove", "vendor", `remove ${v.name}`, "danger"),
    ),
  );
}

export function renderSaved(v: Vendor, kind: "added" | "updated", total: number): Reply {
  const verb = kind === "added" ? "Saved" : "Updated";
  const blocks: KnownBlock[] = [
    section(
      `:white_check_mark: ${verb} the quote from *${esc(v.name)}*. This workspace has ${total} vendor${total === 1 ? "" : "s"}.`,
    ),
    ...quoteBlocks(v),
    context(
      `Change it with \`/cc-vendor edit ${esc(v.name)} key=value\`; compare all quotes with \`/cc-vendor compare\`.`,
    ),
    vendorActions(v),
  ];
  return { text: `${verb} the quote from ${v.name}.`, blocks: fitMessage(blocks), visibility: "ephemeral" };
}

// ---------- list ----------

function oneLine(v: Vendor): string {
  const price =
    v.perMinute !== undefined
      ? `${amountIn(v.perMinute, v.currency)}/min`
      : v.perHour !== undefined
        ? `${amountIn(v.perHour, v.currency)}/h`
        : v.perCall !== undefined
          ? `${amountIn(v.perCall, v.currency)}/call`
          : "no price yet";
  const bits = [
    [v.location, v.country].filter(Boolean).join(" "),
    v.model,
    price,
    v.hours ? hoursText(v.hours) : "",
    v.languages?.length ? v.languages.join(",") : "",
  ].filter(Boolean);
  return `• *${esc(truncate(v.name, 60))}*: ${esc(bits.join(" · "))}`;
}

/** Lines grouped into sections under a character budget; returns the blocks and how many lines fit. */
function lineSections(lines: string[], budget: number): { blocks: KnownBlock[]; shown: number } {
  const blocks: KnownBlock[] = [];
  let chunk: string[] = [];
  let size = 0;
  let used = 0;
  let shown = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    if (size + line.length + 1 > LIMITS.sectionText - 100) {
      blocks.push(section(chunk.join("\n")));
      chunk = [];
      size = 0;
    }
    chunk.push(line);
    size += line.length + 1;
    used += line.length + 1;
    shown++;
  }
  if (chunk.length) blocks.push(section(chunk.join("\n")));
  return { blocks, shown };
}

export function renderList(vendors: Vendor[]): Reply {
  if (vendors.length === 0) return renderEmpty();
  const sorted = [...vendors].sort((a, b) => a.name.localeCompare(b.name));
  const { blocks: lines, shown } = lineSections(sorted.map(oneLine), 8000);
  const blocks: KnownBlock[] = [header(`Vendor quotes (${vendors.length})`), ...lines];
  if (shown < sorted.length)
    blocks.push(context(`…and ${sorted.length - shown} more. The CSV export has every quote.`));
  if (vendors.length < RECOMMENDED_QUOTES) blocks.push(context(fewerNote(vendors.length)));
  blocks.push(context("Details: `/cc-vendor show &lt;name&gt;` · compare: `/cc-vendor compare`"));
  blocks.push(
    actions(
      buttons(
        commandButton("Compare", "vendor", "compare", "primary"),
        commandButton("Export CSV", "vendor", "export"),
        formButton("Add a vendor", "vendor", "add"),
      ),
    ),
  );
  return {
    text: `${vendors.length} vendor quote${vendors.length === 1 ? "" : "s"}: ${sorted
      .slice(0, 10)
      .map((v) => v.name)
      .join(", ")}${vendors.length > 10 ? ", …" : ""}`,
    blocks: fitMessage(blocks),
    visibility: "ephemeral",
  };
}

export function renderEmpty(): Reply {
  return {
    text: "No vendor quotes saved yet. Add one with /cc-vendor add.",
    blocks: [
      section(
        "No vendor quotes saved in this workspace yet. Add each offer you get, then compare them side by side. The guide suggests collecting at least three.",
      ),
      context(`Example: \`/cc-vendor add name=Acme rate=0.95/min billing=60s hours=24/7 languages=en,es\``),
      actions(buttons(formButton("Add a vendor", "vendor", "add"))),
    ],
    visibility: "ephemeral",
  };
}

const fewerNote = (n: number) =>
  `:warning: ${n === 0 ? "No quotes" : n === 1 ? "Only one quote" : `Only ${n} quotes`} so far: the guide recommends getting offers from at least ${RECOMMENDED_QUOTES} providers, to compare like for like and to have leverage when you negotiate.`;

// ---------- show ----------

function checkLine(c: CheckResult): string {
  const mark = c.status === "pass" ? ":white_check_mark:" : c.status === "fail" ? ":x:" : "❔";
  return `${mark} ${esc(c.label)}${c.detail && c.status !== "pass" ? ` (${esc(c.detail)})` : ""}`;
}

function costDetail(row: VendorComparison): string {
  const c = row.cost;
  if (c.monthlyCost === null) return "*Monthly cost:* unknown (no price quoted yet).";
  const lines = c.lines.map((l) => `• ${esc(l.label)}: ${usd(l.amount)}`);
  const per =
    c.billedMinutesPerContact !== undefined
      ? ` (${c.billedMinutesPerContact.toFixed(2)} billed minutes a contact)`
      : "";
  const conv = c.converted ? `, converted from ${c.currency}` : "";
  return `*Expected monthly cost: ${usd(c.monthlyCost)}*${conv}${per}\n${lines.join("\n")}`;
}

export interface ShowView {
  vendor: Vendor;
  row?: VendorComparison;
  comparison?: Comparison;
  /** Arguments to repeat in buttons (e.g. `volume=8000`). */
  args: string;
}

export function renderShow(view: ShowView): Reply {
  const v = view.vendor;
  const blocks: KnownBlock[] = [header(v.name), ...quoteBlocks(v)];
  const row = view.row;
  const cmp = view.comparison;
  if (row && cmp) {
    blocks.push(divider());
    blocks.push(
      section(
        `*For ${int(cmp.input.volume)} contacts a month*: rank ${row.rank} of ${cmp.vendors.length}, score ${row.score}/100.\n${costDetail(row)}`,
      ),
    );
    const musts = row.checks.filter((c) => c.severity === "must");
    const shoulds = row.checks.filter((c) => c.severity === "should");
    if (musts.length) blocks.push(section(`*Your musts*\n${musts.map(checkLine).join("\n")}`));
    if (shoulds.length) blocks.push(section(`*Also worth having*\n${shoulds.map(checkLine).join("\n")}`));
    if (row.unknowns.length)
      blocks.push(section(`*Still to ask them*\n${row.unknowns.map((u) => `• ${esc(u)}`).join("\n")}`));
  } else {
    blocks.push(
      context(
        "Save your volume with `/cc-advise volume=...` (or add `volume=8000`) to see this quote's monthly cost and how it meets your needs.",
      ),
    );
  }
  const who = v.addedBy ? `Added by <@${v.addedBy}>` : "Added";
  blocks.push(
    context(
      `${who}${v.addedAt ? ` on ${v.addedAt.slice(0, 10)}` : ""}${v.updatedAt && v.updatedAt !== v.addedAt ? `, updated ${v.updatedAt.slice(0, 10)}` : ""}.`,
    ),
  );
  blocks.push(vendorActions(v, view.args));
  return { text: `${v.name}: vendor quote`, blocks: fitMessage(blocks), visibility: "ephemeral" };
}

// ---------- remove ----------

export function renderRemoveConfirm(v: Vendor): Reply {
  return {
    text: `Remove the quote from ${v.name}? Click Remove to confirm.`,
    blocks: [
      section(`Remove the quote from *${esc(v.name)}*? This cannot be undone.`),
      actions(buttons(commandButton("Remove", "vendor", `remove ${v.name} confirm=yes`, "danger"))),
    ],
    visibility: "ephemeral",
    private: true,
  };
}

export function renderRemoved(v: Vendor, left: number): Reply {
  return {
    text: `Removed the quote from ${v.name}.`,
    blocks: [
      section(`Removed the quote from *${esc(v.name)}*. ${left} vendor${left === 1 ? "" : "s"} left.`),
    ],
    visibility: "ephemeral",
  };
}

// ---------- compare ----------

const SOURCE_WORD = { profile: "from your profile", given: "as given", default: "default" } as const;

function workloadText(input: CompareInput): string {
  const hours = neededHours(input.hours);
  const parts = [
    `talk ${minutesText(input.talkMinutes)}`,
    `wrap-up ${minutesText(input.wrapMinutes)}`,
    `hold ${minutesText(input.holdMinutes)}`,
  ];
  return `For *${int(input.volume)} contacts a month* (${SOURCE_WORD[input.sources.volume]}), ${parts.join(", ")} each, answered ${hours.label}.`;
}

function defaultsNote(input: CompareInput): string | undefined {
  const d: string[] = [];
  for (const k of ["talk", "wrap", "hold", "hours"] as const) if (input.sources[k] === "default") d.push(k);
  return d.length
    ? `Not in your profile, so assumed: ${d.join(", ")} (change with e.g. \`compare talk=4m hold=20s hours=24/7\`, or save them with /cc-advise).`
    : undefined;
}

export function conversionNote(cmp: Comparison, rates: CurrencyRates): string | undefined {
  if (!cmp.conversions.length) return undefined;
  const used = cmp.conversions
    .map((c) => `1 ${c.code} = $${c.rate.usd} (${c.rate.asOf}, ${c.rate.source})`)
    .join("; ");
  return `Quotes in other currencies were converted to US dollars at the fixed, dated rates in data/currency-rates.json (${rates.label.toLowerCase()}; no live rates): ${used}. Check them before you sign.`;
}

/** Lines a section of the ranking holds: a phone shows it without scrolling past a screen. */
const RANKING_LINES = 10;

/**
 * The ranking as one line a quote, in sections of RANKING_LINES: a monospace table wraps into
 * unreadable columns on a phone, where Slack shows about 40 characters a line.
 */
function rankingSections(rows: VendorComparison[]): KnownBlock[] {
  const lines = rows.map((r) => {
    const cost = r.cost.monthlyCost === null ? "no price" : `${usd(r.cost.monthlyCost)}/mo`;
    const open = r.checks.filter((c) => c.severity === "must" && c.status === "unknown").length;
    const musts = r.mustFailures.length
      ? `:x: ${r.mustFailures.length} ${r.mustFailures.length === 1 ? "must" : "musts"} failed`
      : open
        ? `❔ ${open} to confirm`
        : ":white_check_mark: all musts met";
    return `*${r.rank}.* ${esc(truncate(r.vendor.name, 40))} · ${cost} · ${musts} · score ${r.score}`;
  });
  const out: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += RANKING_LINES)
    out.push(section(lines.slice(i, i + RANKING_LINES).join("\n")));
  return out;
}

function rowSummary(r: VendorComparison): string {
  const cost = r.cost.monthlyCost === null ? "no price yet" : `*${usd(r.cost.monthlyCost)}* a month`;
  const failed = r.checks.filter((c) => c.severity === "must" && c.status === "fail");
  const open = r.checks.filter((c) => c.severity === "must" && c.status === "unknown");
  const musts = failed.length
    ? `:x: fails ${failed.length === 1 ? "a must" : `${failed.length} musts`}: ${failed
        .map((c) => `${esc(c.label)}${c.detail ? ` (${esc(c.detail)})` : ""}`)
        .join("; ")}`
    : open.length
      ? `❔ fails no must so far; still to confirm: ${esc(open.map((c) => c.label).join("; "))}`
      : ":white_check_mark: meets every must";
  // Open musts are named just above; the rest of what is unknown follows.
  const rest = r.unknowns.filter((u) => !u.endsWith("(a must)"));
  const unknown = rest.length ? `\n_Still unknown:_ ${esc(truncate(rest.join(", "), 400))}` : "";
  const budget = r.budget
    ? r.budget.fits
      ? ` · :white_check_mark: within budget (${usd(r.budget.headroom)} under)`
      : ` · :x: ${usd(-r.budget.headroom)} over budget`
    : "";
  return `*${r.rank}. ${esc(truncate(r.vendor.name, 80))}*: ${cost}${budget} · score ${r.score}\n${musts}${unknown}`;
}

export const TABLE_ROWS = 25;
export const DETAIL_ROWS = 5;

export interface CompareView {
  comparison: Comparison;
  rates: CurrencyRates;
  /** Arguments typed after compare (volume=...), repeated in Details and Export buttons. */
  args: string;
}

export function renderCompare(view: CompareView): Reply {
  const cmp = view.comparison;
  const rows = cmp.vendors;
  const n = rows.length;
  const args = view.args ? ` ${view.args}` : "";
  const blocks: KnownBlock[] = [
    header(`Vendor comparison: ${n} quote${n === 1 ? "" : "s"}`),
    section(workloadText(cmp.input)),
  ];
  const notes: string[] = [];
  const defaults = defaultsNote(cmp.input);
  if (defaults) notes.push(defaults);
  const conversion = conversionNote(cmp, view.rates);
  if (conversion) notes.push(conversion);
  if (cmp.fewerThanRecommended) blocks.push(section(fewerNote(n)));
  if (notes.length) blocks.push(context(...notes));

  blocks.push(...rankingSections(rows.slice(0, TABLE_ROWS)));
  if (n > TABLE_ROWS)
    blocks.push(context(`Showing the top ${TABLE_ROWS} of ${n}. Every quote is in the CSV export.`));
  const failing = rows.filter((r) => r.mustFailures.length > 0).length;
  blocks.push(
    context(
      `Ranked by musts met, then by monthly cost (billed hold, rounding and fees are in the cost, not failed musts).${
        failing && failing < n
          ? " Quotes that fail one of your musts come after every quote that meets them all, whatever their price."
          : ""
      }${cmp.input.budget !== undefined ? ` Budget: ${usd(cmp.input.budget)} a month.` : ""}`,
    ),
  );
  blocks.push(divider());
  for (const r of rows.slice(0, DETAIL_ROWS))
    blocks.push(section(rowSummary(r), commandButton("Details", "vendor", `show ${r.vendor.name}${args}`)));
  if (n > 0) blocks.push(context(`Details of any quote: \`/cc-vendor show &lt;name&gt;${esc(args)}\`.`));
  blocks.push(
    context(
      "Score out of 100 within this comparison: cost against the cheapest quote (50), other needs met (20), terms known (15), references (15); minus 25 for each failed must and 3 for each must not yet answered.",
      ...cmp.assumptions.slice(0, 3),
    ),
  );
  blocks.push(
    actions(
      buttons(
        commandButton("Export CSV", "vendor", `export${args}`),
        commandButton("Cost chart", "vendor", `compare${args} chart`),
        formButton("Add a vendor", "vendor", "add"),
      ),
    ),
  );
  const top = rows
    .slice(0, 3)
    .map(
      (r) =>
        `${r.rank}. ${r.vendor.name} ${r.cost.monthlyCost === null ? "(no price)" : usd(r.cost.monthlyCost)}`,
    )
    .join(", ");
  return {
    text: `Vendor comparison for ${int(cmp.input.volume)} contacts a month: ${top}${n > 3 ? ", …" : ""}`,
    blocks: fitMessage(blocks),
    visibility: "ephemeral",
  };
}

// ---------- export and help ----------

export function renderExport(count: number, file: ReplyFile, ranked: boolean): Reply {
  return {
    text: `Exported ${count} vendor quote${count === 1 ? "" : "s"} as ${file.filename}.`,
    blocks: [
      section(
        `:page_facing_up: *${file.filename}*: ${count} quote${count === 1 ? "" : "s"}${ranked ? ", in comparison order with monthly cost, score, failed musts and unknowns" : ""}. Amounts are in each quote's own currency; the monthly cost is in US dollars.`,
      ),
    ],
    visibility: "ephemeral",
    files: [file],
  };
}

export function renderHelp(keys: Array<[string, string, string]>): Reply {
  const keyLines = keys.map(([k, takes, ex]) => `• \`${k}\`: ${takes} (\`${ex}\`)`);
  // A phone shows about 12 lines of a section before "see more": keys go in sections of at most 11.
  const chunks = Math.ceil(keyLines.length / 11);
  const size = Math.ceil(keyLines.length / chunks);
  const keySections = Array.from({ length: chunks }, (_, i) =>
    section(`${i === 0 ? "*Keys*\n" : ""}${keyLines.slice(i * size, (i + 1) * size).join("\n")}`),
  );
  return {
    text: "/cc-vendor: keep vendor quotes and compare them.",
    blocks: [
      header("/cc-vendor: vendor quotes"),
      section(
        [
          "Keep every offer you get and compare them for your team's volume and needs.",
          "• `/cc-vendor add name=Acme rate=0.95/min billing=60s ...` (or just `add` for a form)",
          "• `/cc-vendor list` · `show &lt;name&gt;` · `edit &lt;name&gt; key=value ...` · `remove &lt;name&gt;`",
          "• `/cc-vendor compare` (uses your saved profile) or `compare volume=8000 talk=4m`",
          "• `/cc-vendor export`: every quote as a CSV file",
          "Leave out what you don't know: the comparison lists it as still to ask. In `edit`, `key=` with nothing after it clears a value.",
        ].join("\n"),
      ),
      ...keySections,
    ],
    visibility: "ephemeral",
  };
}
