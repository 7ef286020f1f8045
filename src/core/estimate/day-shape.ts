import { readFileSync } from "node:fs";
import { z } from "zod";
import { projectPath } from "../../project-root.ts";
import type { Coverage } from "./coverage.ts";

/**
 * The shape of an open day: named curves of relative volume by hour (data/day-shapes.json, each with
 * its source or labelled an assumption), or the contacts of each hour as the user gives them, split
 * into the intervals the estimate staffs one by one.
 */

const shapeSchema = z
  .object({
    label: z.string().min(1),
    source: z.enum(["definition", "assumption", "published"]),
    note: z.string().min(1),
    weights: z.array(z.number().min(0)).length(24),
  })
  .strict();

const fileSchema = z.object({ note: z.string(), shapes: z.record(z.string(), shapeSchema) }).strict();

export type DayShape = z.infer<typeof shapeSchema> & { id: string };

/** Read and check the day shapes; a bad file fails with a message naming it and the field at fault. */
export function loadDayShapes(
  path: string = projectPath("data", "day-shapes.json"),
): Record<string, DayShape> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read the day shapes file ${path}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`The day shapes file ${path} is not valid: ${issues}`);
  }
  const out: Record<string, DayShape> = {};
  for (const [id, s] of Object.entries(parsed.data.shapes)) out[id] = { ...s, id };
  return out;
}

/** Loaded and checked once when the module is first imported (at start, with the estimate command). */
const SHAPES = loadDayShapes();

/** The named day shapes. */
export const dayShapes = (): Record<string, DayShape> => SHAPES;

export const DEFAULT_SHAPE = "flat";

/** One interval of an open day: when it starts (minutes after midnight), how long, and its share. */
export interface DayInterval {
  startMinutes: number;
  seconds: number;
  /** Share of the day's contacts in this interval (the shares of a day sum to 1). */
  share: number;
  /** The contacts typed for this interval (`hourly=`), kept exact rather than rebuilt from shares. */
  contacts?: number;
}

/** Contacts per hour of one open day, as typed (`hourly=9:40,10:80`). */
export interface HourlyCount {
  hour: number;
  contacts: number;
}

/**
 * When the open hours start: a 24-hour day at midnight, up to 9 hours at 9:00 (a business day), up to
 * 16 hours at 8:00, longer days so they end at midnight. An assumption: the estimate does not ask.
 */
export const openingMinute = (hoursPerDay: number): number =>
  hoursPerDay >= 24 ? 0 : hoursPerDay <= 9 ? 9 * 60 : hoursPerDay <= 16 ? 8 * 60 : (24 - hoursPerDay) * 60;

/** The intervals of an open day under a named shape: the open hours, split into `seconds` each. */
export function shapeIntervals(coverage: Coverage, shape: DayShape, seconds: number): DayInterval[] {
  const openSeconds = coverage.hoursPerDay * 3600;
  const start = openingMinute(coverage.hoursPerDay) * 60;
  const out: Array<{ startMinutes: number; seconds: number; weight: number }> = [];
  for (let t = 0; t < openSeconds - 1e-6; t += seconds) {
    const len = Math.min(seconds, openSeconds - t);
    const at = (start + t) % 86_400;
    // An interval's weight: its hour's weight for the part of the hour it covers.
    const hour = Math.floor(at / 3600) % 24;
    out.push({ startMinutes: at / 60, seconds: len, weight: (shape.weights[hour] ?? 0) * (len / 3600) });
  }
  const total = out.reduce((s, i) => s + i.weight, 0);
  return out.map((i) => ({
    startMinutes: i.startMinutes,
    seconds: i.seconds,
    share: total > 0 ? i.weight / total : 1 / out.length,
  }));
}

/** The intervals of an open day given by its hourly counts (each hour split evenly into intervals). */
export function hourlyIntervals(hours: HourlyCount[], seconds: number): DayInterval[] {
  const total = hours.reduce((s, h) => s + h.contacts, 0);
  const parts = Math.max(1, Math.round(3600 / seconds));
  const out: DayInterval[] = [];
  for (const h of [...hours].sort((a, b) => a.hour - b.hour)) {
    for (let p = 0; p < parts; p++)
      out.push({
        startMinutes: h.hour * 60 + (p * 60) / parts,
        seconds: 3600 / parts,
        share: total > 0 ? h.contacts / parts / total : 1 / (hours.length * parts),
        contacts: h.contacts / parts,
      });
  }
  return out;
}

/** "09:30" for 570 minutes after midnight. */
export const clock = (minutes: number): string => {
  const m = Math.round(minutes) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
