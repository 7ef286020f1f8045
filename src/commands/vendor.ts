import { UserInputError } from "../core/errors.ts";
import type { CommandSpec } from "./types.ts";

// Placeholder: replaced by the feature that implements /cc-vendor.
export const vendorCommand: CommandSpec = {
  name: "vendor",
  summary: "/cc-vendor",
  usageHint: "",
  examples: [],
  async run() {
    throw new UserInputError("/cc-vendor is not available yet.");
  },
};
