import { UserInputError } from "../core/errors.ts";
import type { CommandSpec } from "./types.ts";

// Placeholder: replaced by the feature that implements /cc-contract.
export const contractCommand: CommandSpec = {
  name: "contract",
  summary: "/cc-contract",
  usageHint: "",
  examples: [],
  async run() {
    throw new UserInputError("/cc-contract is not available yet.");
  },
};
