import { z } from 'zod';

/**
 * Stable error codes. The renderer maps each to a translated message;
 * `details` carries what the message needs (field paths, ids, limits).
 */
export const errorCodes = [
  'invalid_payload',
  'unknown_method',
  'not_found',
  'conflict',
  'unavailable',
  'unauthorized',
  'database_newer',
  'database_corrupt',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One problem in a payload, as zod found it: `phones.2.number` → "Invalid phone". */
export const PayloadIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type PayloadIssue = z.infer<typeof PayloadIssueSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  issues: z.array(PayloadIssueSchema).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every method answers with a result value, never a thrown exception across the process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
