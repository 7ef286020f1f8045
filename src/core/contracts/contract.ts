import { z } from "zod";

// Placeholders until contracts and reminders are defined by the contract feature.
export const ContractSchema = z.object({ id: z.string() }).passthrough();
export type Contract = z.infer<typeof ContractSchema>;
export const ReminderSchema = z.object({ id: z.string() }).passthrough();
export type Reminder = z.infer<typeof ReminderSchema>;
