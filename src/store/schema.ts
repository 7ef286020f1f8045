import { z } from "zod";
import { ProfileSchema } from "../core/advice/profile.ts";
import { ContractSchema, ReminderSchema } from "../core/contracts/contract.ts";
import { VendorSchema } from "../core/vendors/vendor.ts";

/** The last estimate a workspace asked for, shown on the App Home. */
export const LastEstimateSchema = z.object({
  at: z.string(),
  text: z.string(),
  summary: z.string(),
});

/** Everything one workspace owns. Every field has a default so older files load unchanged. */
export const WorkspaceDataSchema = z.object({
  profile: ProfileSchema.optional(),
  lastEstimate: LastEstimateSchema.optional(),
  vendors: z.array(VendorSchema).default([]),
  contracts: z.array(ContractSchema).default([]),
  reminders: z.array(ReminderSchema).default([]),
});
export type WorkspaceData = z.infer<typeof WorkspaceDataSchema>;

export const DB_VERSION = 1;

export const DatabaseSchema = z.object({
  version: z.literal(DB_VERSION),
  workspaces: z.record(z.string(), WorkspaceDataSchema).default({}),
});
export type Database = z.infer<typeof DatabaseSchema>;

export const emptyDatabase = (): Database => ({ version: DB_VERSION, workspaces: {} });
export const emptyWorkspace = (): WorkspaceData => WorkspaceDataSchema.parse({});
