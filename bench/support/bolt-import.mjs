// The CLI's reference: a Node script that only imports Bolt.
await import("@slack/bolt");
