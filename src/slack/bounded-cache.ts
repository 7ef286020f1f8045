// The cache lives in the core (pure functions memoize through it too); the Slack shell's caps use it here.
export * from "../core/bounded-cache.ts";
