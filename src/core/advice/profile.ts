import { z } from "zod";

// Placeholder until the needs profile is defined by the advice feature.
export const ProfileSchema = z.record(z.string(), z.unknown());
export type Profile = z.infer<typeof ProfileSchema>;
