import { describe, expect, it } from "vitest";
import { tempDbPath } from "../helpers/context.ts";
import { runEntry } from "../helpers/process.ts";

describe("local console (npm start with no Slack tokens)", () => {
  it("reads slash-command lines from piped stdin and prints the replies as text", async () => {
    const input = [
      "/cc-staffing calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%",
      "estimate 12000 calls a month, 5 min talk",
      "/cc-staffing shrinkage=150%",
      "/cc-nonsense",
      "",
    ].join("\n");
    const res = await runEntry("src/main.ts", [], { DB_PATH: tempDbPath() }, input);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("14 agents");
    expect(res.stdout).toContain("20 scheduled");
    expect(res.stdout).toMatch(/12,000 contacts/);
    expect(res.stdout).toMatch(/Example: \/cc-staffing/);
    expect(res.stdout).toMatch(/no command called "nonsense"/i);
    // Text, not Block Kit JSON or mrkdwn markup.
    expect(res.stdout).not.toContain('"type":');
    expect(res.stdout).not.toMatch(/\*\w[^*\n]*\*/);
  });
});

describe("CLI (npm run cli)", () => {
  it("prints the staffing result object with --json", async () => {
    const res = await runEntry("src/cli.ts", ["staffing", "--json", "calls=100", "interval=30m", "aht=3m"], {
      DB_PATH: tempDbPath(),
    });
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json).toMatchObject({ agents: 14, scheduledAgents: 20, bindingConstraint: "service_level" });
    expect(json.trafficErlangs).toBeCloseTo(10, 10);
    expect(json.serviceLevel).toBeCloseTo(0.888, 3);
    expect(json.probWait).toBeCloseTo(0.174, 3);
    expect(json.asaSeconds).toBeCloseTo(7.8, 1);
    expect(json.occupancy).toBeCloseTo(10 / 14, 10);
    expect(json.probWaitOver5Min).toBeGreaterThan(0);
  });

  it("prints the estimate result object with --json", async () => {
    const res = await runEntry(
      "src/cli.ts",
      ["estimate", "--json", "12k calls/month, talk 5m, wrap 1m, hours 24/7, billing 60s"],
      {
        DB_PATH: tempDbPath(),
      },
    );
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json.shared.monthlyCost.low).toBeLessThan(json.shared.monthlyCost.high);
    expect(["shared", "semi-dedicated", "dedicated"]).toContain(json.recommended);
    expect(json.dedicated.agents).toBeGreaterThan(0);
    expect(json.breakEvenMonthlyContacts).toBeGreaterThan(0);
  });

  it("exits non-zero with the message on stderr for bad input, and nothing on stdout", async () => {
    const res = await runEntry(
      "src/cli.ts",
      ["staffing", "--json", "calls=100 interval=30m aht=3m target=120%"],
      {
        DB_PATH: tempDbPath(),
      },
    );
    expect(res.code).not.toBe(0);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/target/i);
    expect(res.stderr).toMatch(/Example: \/cc-staffing/);
  });

  it("CLI runs in parallel on one database wait for each other and lose nothing", async () => {
    const db = tempDbPath();
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        runEntry("src/cli.ts", ["vendor", `add name=V${i} rate=0.9/min`], { DB_PATH: db }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const list = await runEntry("src/cli.ts", ["vendor", "--json", "list"], { DB_PATH: db });
    const names = (JSON.parse(list.stdout) as { vendors: Array<{ name: string }> }).vendors
      .map((v) => v.name)
      .sort();
    expect(names).toEqual(["V0", "V1", "V2", "V3", "V4", "V5"]);
  }, 60_000);

  it("names an unknown command and lists the real ones", async () => {
    const res = await runEntry("src/cli.ts", ["teleport", "now"], { DB_PATH: tempDbPath() });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Unknown command "teleport"');
    expect(res.stderr).toContain("staffing");
  });
});
