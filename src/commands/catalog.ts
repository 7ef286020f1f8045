import { ADVISE_EXAMPLE } from "../core/advice/example.ts";
import type { CommandSpec } from "./types.ts";

/**
 * What is known of each command without loading it: its name, help lines and examples. The registry
 * hands these out at once and loads a command's module (its parser, data files, renderers) only when
 * it first runs, so `npm run cli -- staffing` loads staffing, not the rules engine or the vendor book.
 */
export type CommandMeta = Pick<
  CommandSpec,
  "name" | "summary" | "usageHint" | "examples" | "truncatesLongText" | "checksOwnLength"
>;

export const ESTIMATE_META: CommandMeta = {
  name: "estimate",
  summary:
    "Monthly cost of outsourcing: shared, semi-dedicated and dedicated agents, break-even and staffing.",
  usageHint: "12000 calls a month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s",
  examples: [
    "12000 calls a month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s",
    "12000 calls a month, 5 min talk",
    "contacts=40000 talk=4m wrap=1m hours=12x6 billing=6s target=90% answer=30s",
    "contacts=5000 talk=6m hours=24/7 licensed=yes languages=es shared-rate=0.85-1.10 hourly-rate=28-32",
    "12000 calls a month, talk 5m, country=MX inhouse-wage=6/h budget=60000/month",
    "contacts=12000 talk=5m locations=all currency=EUR",
  ],
};

export const STAFFING_META: CommandMeta = {
  name: "staffing",
  summary:
    "Staffing for calls, chats and e-mails (Erlang C, or Erlang A with patience): agents needed or the figures at N agents, service level, abandonment, ASA, occupancy, long waits and a what-if grid.",
  usageHint:
    "calls=100 interval=30m aht=3m [answer=20s target=80% shrinkage=30% max-occupancy=85% channel=voice|chat|email concurrency=2 response=24h patience=60s max-abandon=5% agents=12 grid]",
  examples: [
    "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%",
    "100 calls in 30 minutes, aht 3m",
    "400 calls per hour, talk 2m, wrap 30s, 90% in 15s, shrinkage 25%",
    "calls=100 interval=30m aht=3m patience=60s max-abandon=5%",
    "chats=120 interval=1h aht=12m concurrency=3",
    "emails=40 interval=1h aht=8m response=4h",
    "calls=100 interval=30m aht=3m agents=12 grid",
  ],
};

export const ADVISE_META: CommandMeta = {
  name: "advise",
  checksOwnLength: true,
  summary: "What kind of call center to look for, why, and what to ask each vendor, from your team's needs.",
  usageHint:
    "[volume=2000 languages=en,es payments=yes … | a description | update … | show [all] | reset | help]",
  examples: [
    ADVISE_EXAMPLE,
    "We're a 40-person online shop, about 2,000 calls and 500 emails a month, customers in the US and Mexico, we need Spanish and take card payments by phone",
    "update hours=24/7 quotes=1",
  ],
};

export const ASK_META: CommandMeta = {
  name: "ask",
  summary: "Ask a question about outsourcing customer service, in plain words.",
  usageHint: "[question] or help",
  examples: [
    "dedicated or shared agents?",
    "what would 12k calls a month at 6 minutes cost?",
    "how many agents for 80/20 with 300 calls an hour, 4 min calls?",
    "help",
  ],
  truncatesLongText: true,
};

export const VENDOR_META: CommandMeta = {
  name: "vendor",
  summary: "Keep vendor quotes and compare them side by side for your volume and needs.",
  usageHint:
    "add name=Acme rate=0.95/min billing=60s | list | show <name> | edit <name> | remove <name> | compare | export",
  examples: [
    "add name=Acme location=nearshore country=MX model=shared rate=0.95/min billing=60s hold-billed=no minimum=5000min setup=1500 hours=24/7 languages=en,es certs=pci,soc2 dr=yes",
    "list",
    "show Acme",
    "edit Acme rate=0.90/min",
    "compare volume=8000",
    "export",
  ],
};

export const CONTRACT_META: CommandMeta = {
  name: "contract",
  summary: "Contracts and review reminders before the notice deadline",
  usageHint:
    "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d | list | show Acme | edit Acme notice=90d | remind Acme <when> <note>",
  examples: [
    "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d",
    'add vendor=Beta start="next Monday" renews="in 12 months" notice=3mo checkins=2x onboarding=21d channel=C0123ABCD',
    "list",
    "show Acme",
    "edit Acme notice=90d",
    "remind Acme 2027-03-01 check that hold time is not billed",
    "remove Acme",
  ],
};

export const HOME_META: CommandMeta = {
  name: "home",
  summary: "The App Home dashboard: profile, last estimate, vendors and contracts",
  usageHint: "",
  examples: [""],
};
