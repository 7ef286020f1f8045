import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";

/** `npm start`: Socket Mode, HTTP mode or the local console, chosen by configuration. */
async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee the configuration table in README.md.\n`);
      return 1;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Imported here, not at the top: loading it reads the data files, whose errors must read clearly.
  const { start } = await import("./start.ts");
  return start(config, logger);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `Switchboard could not start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
