import { UserInputError } from "../core/errors.ts";
import type { CommandSpec } from "./types.ts";

// Placeholder: replaced by the feature that implements /cc-staffing.
export const staffingCommand: CommandSpec = {
  name: "staffing",
  summary: "/cc-staffing",
  usageHint: "",
  examples: [],
  async run() {
    throw new UserInputError("/cc-staffing is not available yet.");
  },
};
