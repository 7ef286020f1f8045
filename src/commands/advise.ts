import { UserInputError } from "../core/errors.ts";
import type { CommandSpec } from "./types.ts";

// Placeholder: replaced by the feature that implements /cc-advise.
export const adviseCommand: CommandSpec = {
  name: "advise",
  summary: "/cc-advise",
  usageHint: "",
  examples: [],
  async run() {
    throw new UserInputError("/cc-advise is not available yet.");
  },
};
