/**
 * Wall-clock time in an IANA zone, with Intl only. Contracts are kept as local dates ("2027-01-15")
 * plus a time of day and a zone, and turned into instants only when a reminder is planned, so a
 * reminder set for 09:00 stays at 09:00 across daylight-saving changes.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  /** Seconds, when the time was given to the second (2027-01-15T10:00:30). */
  second?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** True when Intl knows the zone. */
export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The zone to use: the one given when Intl knows it, else UTC. */
export const safeTimeZone = (timeZone: string | undefined): string =>
  timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";

/** The wall-clock reading of an instant in a zone. */
export const localParts = (instant: Date, timeZone: string): LocalDateTime & { second: number } => {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
};

/** Minutes to add to UTC to get the zone's wall clock at that instant (New York in winter: -300). */
export const offsetMinutes = (instant: Date, timeZone: string): number => {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
};

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a spring-forward change is
 * moved forward by the size of the gap (02:30 becomes 03:30); a repeated time takes the first one.
 */
export const zonedToInstant = (t: LocalDateTime, timeZone: string): Date => {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second ?? 0);
  // Try the offsets in force just before and after; keep the candidates that read back as `wall`.
  const candidates = new Set<number>();
  for (const probe of [wall - 86_400_000, wall, wall + 86_400_000]) {
    candidates.add(wall - offsetMinutes(new Date(probe), timeZone) * 60_000);
  }
  const matching = [...candidates]
    .filter((c) => {
      const p = localParts(new Date(c), timeZone);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) === wall;
    })
    .sort((a, b) => a - b);
  if (matching[0] !== undefined) return new Date(matching[0]);
  // In a gap: use the offset from before the change, which lands after the gap.
  return new Date(wall - offsetMinutes(new Date(wall - 86_400_000), timeZone) * 60_000);
};

/** Calendar arithmetic on local dates (no time zone involved). */
export const addDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/** Add calendar months, keeping the day but clamping to the month's end (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (d: LocalDate, months: number): LocalDate => {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
};

/** Whole days from a to b (b − a). */
export const daysBetween = (a: LocalDate, b: LocalDate): number =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);

export const compareDates = (a: LocalDate, b: LocalDate): number => daysBetween(b, a);

const pad = (n: number) => String(n).padStart(2, "0");

export const formatLocalDate = (d: LocalDate): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
/** "09:00", or "10:00:30" when there are seconds. */
export const formatClock = (hour: number, minute: number, second = 0): string =>
  `${pad(hour)}:${pad(minute)}${second ? `:${pad(second)}` : ""}`;

export const parseLocalDate = (s: string): LocalDate | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = addDays(d, 0);
  return back.year === d.year && back.month === d.month && back.day === d.day ? d : undefined;
};

export const parseClock = (s: string): { hour: number; minute: number; second?: number } | undefined => {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (!m) return undefined;
  const clock = { hour: Number(m[1]), minute: Number(m[2]) };
  return m[3] && Number(m[3]) ? { ...clock, second: Number(m[3]) } : clock;
};

/** Today's date in a zone. */
export const todayIn = (now: Date, timeZone: string): LocalDate => {
  const p = localParts(now, timeZone);
  return { year: p.year, month: p.month, day: p.day };
};

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 15 Jan 2027" */
export const formatDateHuman = (d: LocalDate): string => {
  const weekday = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()] ?? "";
  return `${weekday} ${d.day} ${MONTHS[d.month - 1] ?? ""} ${d.year}`;
};

/** "Mon 15 Jan 2027, 09:00" in the zone ("10:00:30" when the instant has seconds). */
export const formatInstantHuman = (instant: Date, timeZone: string): string => {
  const p = localParts(instant, timeZone);
  return `${formatDateHuman(p)}, ${formatClock(p.hour, p.minute, p.second)}`;
};
