import { UserInputError } from "../core/errors.ts";
import type { CommandSpec } from "./types.ts";

// Placeholder: replaced by the feature that implements /cc-estimate.
export const estimateCommand: CommandSpec = {
  name: "estimate",
  summary: "/cc-estimate",
  usageHint: "",
  examples: [],
  async run() {
    throw new UserInputError("/cc-estimate is not available yet.");
  },
};
