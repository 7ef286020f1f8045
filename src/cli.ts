import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";

/** The CLI for scripts: one command, text or --json on stdout, errors on stderr with a non-zero exit. */
async function cli(argv: string[]): Promise<number> {
  // Imported on demand: only the command that runs is loaded (below).
  const { COMMANDS, findCommand, loadCommands, suggestCommand } = await import("./commands/registry.ts");
  const { slashName } = await import("./commands/types.ts");
  const { LocalSession, replyText, splitCommandLine, takeLocaleFlag } = await import("./local/session.ts");
  const usage = [
    "Usage: npm run --silent cli -- <command> [--json] [--locale ro-RO] <the same text as after the slash command>",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${slashName(c)}: ${c.summary}`),
    "  home      the App Home dashboard as text",
    'Example: npm run --silent cli -- staffing --json "calls=100 interval=30m aht=3m"',
  ].join("\n");

  const { argv: args, locale } = takeLocaleFlag(argv);
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  if (rest.length === 0 || rest[0] === "--help" || rest[0] === "-h" || rest[0] === "help") {
    (rest.length === 0 ? process.stderr : process.stdout).write(`${usage}\n`);
    return rest.length === 0 ? 2 : 0;
  }
  const parsed = splitCommandLine(rest.join(" "));
  if (!parsed || !findCommand(parsed.command)) {
    const meant = suggestCommand(parsed?.command ?? rest[0] ?? "");
    const hint = meant
      ? `Did you mean ${meant.name}?\n  ${cliLine(meant.name, parsed?.text ?? "")}\n`
      : `${usage}\n`;
    process.stderr.write(`Unknown command "${rest[0]}". ${hint}`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  // Only the command that runs is loaded, so a broken data file it reads fails here, plainly. A
  // question may be answered by an estimate or a staffing figure: ask loads those two as well.
  const command = findCommand(parsed.command)?.name ?? parsed.command;
  await loadCommands(command === "ask" ? ["ask", "estimate", "staffing"] : [command]);
  const session = new LocalSession(config, createLogger(config.logLevel), "cli", locale);
  let out: Awaited<ReturnType<typeof session.run>>;
  try {
    out = await session.run(parsed.command, parsed.text);
  } catch (err) {
    // The database could not be opened (corrupt, newer version, or held by a running app).
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  if (!out.ok) {
    process.stderr.write(asCliText(replyText(out.reply)));
    return 1;
  }
  if (json) process.stdout.write(`${JSON.stringify(out.result, null, 2)}\n`);
  else process.stdout.write(asCliText(replyText(out.reply)));
  for (const p of await session.saveFiles(out.reply)) process.stderr.write(`file saved: ${p}\n`);
  return 0;
}

/** A command line to type in a shell: `npm run --silent cli -- contract 'remind Acme 2027-02-01'`. */
const shellQuote = (s: string): string => (/^[\w./=:,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
const cliLine = (command: string, text: string): string =>
  `npm run --silent cli -- ${command}${text.trim() ? ` ${shellQuote(text.trim())}` : ""}`;

/** The buttons of a reply are printed as /cc- lines to type in the console; here, as CLI commands. */
const asCliText = (text: string): string =>
  text.replace(
    /^( {2}▸ [^\n]*?: )\/cc-([a-z]+)(?: ([^\n]*))?$/gm,
    (_m, lead: string, cmd: string, t?: string) => `${lead}${cliLine(cmd, t ?? "")}`,
  );

cli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
