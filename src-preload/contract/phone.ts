import { z } from 'zod';
import { IdSchema } from './common';

/**
 * What the phone bar and the tray show. `no_account` until a SIP account is configured.
 */
export const PhoneStatusSchema = z.object({
  registration: z.enum(['no_account', 'offline', 'registering', 'registered', 'failed']),
  detail: z.string().optional(),
});
export type PhoneStatus = z.infer<typeof PhoneStatusSchema>;

export const CallRingingSchema = z.object({
  callId: IdSchema,
  number: z.string(),
  displayName: z.string().nullable(),
  contact: z
    .object({ id: IdSchema, fullName: z.string(), companyName: z.string().nullable() })
    .nullable(),
});
export type CallRinging = z.infer<typeof CallRingingSchema>;
