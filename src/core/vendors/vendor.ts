import { z } from "zod";

// Placeholder until vendor quotes are defined by the vendor feature.
export const VendorSchema = z.object({ name: z.string() }).passthrough();
export type Vendor = z.infer<typeof VendorSchema>;
