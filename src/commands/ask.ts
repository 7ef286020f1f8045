import { UserInputError } from "../core/errors.ts";
import type { CommandSpec } from "./types.ts";

// Placeholder: replaced by the feature that implements /cc-ask.
export const askCommand: CommandSpec = {
  name: "ask",
  summary: "/cc-ask",
  usageHint: "",
  examples: [],
  async run() {
    throw new UserInputError("/cc-ask is not available yet.");
  },
};
