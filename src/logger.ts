export type LevelName = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

const ORDER: Record<LevelName, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A small leveled logger on stderr, so stdout stays clean for the console and the CLI's JSON. */
export const createLogger = (level: LevelName, name = "switchboard"): Logger => {
  const at =
    (l: LevelName) =>
    (...msg: unknown[]) => {
      if (ORDER[l] >= ORDER[level]) console.error(`[${l.toUpperCase()}] ${name}:`, ...msg);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
};
