import { parseCronItem } from "graphile-worker";
import { z } from "zod";
import { SYNC_DOMAINS } from "./sync.js";

/** A crontab schedule (five fields, as graphile-worker reads them: `0 3 * * *` is 03:00 each day). */
const cronSchedule = z
  .string()
  .trim()
  .max(200)
  .superRefine((schedule, ctx) => {
    try {
      parseCronItem({ task: "sync", match: schedule });
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `not a crontab schedule (five fields, for example "0 3 * * *"): ${error instanceof Error ? error.message : String(error)}` });
    }
  });

/** The inbound settings of every kind: when its syncs run, and how its pushed events are authenticated. */
export const InboundSettingsSchema = {
  /** When each domain's sync runs, per domain (`{ catalog: "0 3 * * *" }`); only domains the kind can sync. */
  sync: z.partialRecord(z.enum(SYNC_DOMAINS), cronSchedule).optional(),
  /** Events the backend pushes to `POST /connectors/<name>/events`; absent: that endpoint refuses this connector. */
  events: z
    .object({
      /** The shared secret of the HMAC-SHA256 signature over the request body (`${ENV}`), at least 32 characters. */
      secret: z.string().min(32, "the events secret must be at least 32 characters").max(512),
      /** How far a batch's timestamp may be from our clock, in seconds (replay protection; default 300). */
      toleranceSeconds: z.number().int().min(10).max(3600).default(300),
    })
    .strict()
    .optional(),
};

/** Validated inbound settings of one connector. */
export type InboundSettings = z.output<z.ZodObject<typeof InboundSettingsSchema>>;
