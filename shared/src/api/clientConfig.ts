import { z } from 'zod';

/** What the browser needs to know about this installation, from GET /api/config. */
export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
