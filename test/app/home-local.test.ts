import { describe, expect, it } from "vitest";
import { LocalSession } from "../../src/local/session.ts";
import { createLogger } from "../../src/logger.ts";
import { tempDbPath } from "../helpers/context.ts";
import { runEntry } from "../helpers/process.ts";

describe("the App Home without Slack", () => {
  it("`home` in the CLI and the console prints the dashboard of what was saved", {
    timeout: 120_000,
  }, async () => {
    const env = { DB_PATH: tempDbPath() };
    const saved = [
      ["vendor", "add", "name=Acme", "rate=0.95/min", "billing=60s"],
      ["vendor", "add", "name=Beta", "rate=0.80/min", "billing=30s"],
      ["advise", "volume=4000", "languages=en,es"],
      [
        "contract",
        "add",
        "vendor=Acme",
        "start=2027-01-15",
        "renews=2028-01-15",
        "notice=60d",
        "channel=C0123ABCD",
      ],
    ];
    // Saved in-process (one process start each would be slow on CI); read back by real processes.
    const session = new LocalSession(env.DB_PATH, createLogger("error"), "cli");
    for (const [command = "", ...words] of saved)
      expect((await session.run(command, words.join(" "))).ok).toBe(true);

    const cli = await runEntry("src/cli.ts", ["home"], env);
    expect(cli.code).toBe(0);
    for (const part of [
      "Your profile",
      "volume=4000",
      "Vendors (2",
      "Acme",
      "Beta",
      "Contracts (1)",
      "notice by 2027-11-16",
    ])
      expect(cli.stdout).toContain(part);
    expect(cli.stdout).not.toContain('"type":');

    const json = JSON.parse((await runEntry("src/cli.ts", ["home", "--json"], env)).stdout);
    expect(json).toMatchObject({ vendors: { total: 2 }, contracts: { total: 1 } });

    const console = await runEntry("src/main.ts", [], env, "home\nexit\n");
    expect(console.code).toBe(0);
    expect(console.stdout).toContain("Contracts (1)");
    expect(console.stdout).toContain("Vendors (2");

    const wrong = await runEntry("src/cli.ts", ["home", "everything"], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("home takes nothing after it");
  });
});
