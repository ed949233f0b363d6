import { z } from 'zod';
import { IdSchema } from './common';
import { DealStageKeySchema } from './deals';
import { InteractionKindSchema } from './interactions';

export const ReportSummarySchema = z.object({
  companies: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  interactionsByKind: z.array(z.object({ kind: InteractionKindSchema, count: z.number().int().nonnegative() })),
  pipeline: z.array(
    z.object({
      stageId: IdSchema,
      stageName: z.string(),
      stageKey: DealStageKeySchema.nullable(),
      deals: z.number().int().nonnegative(),
      /** Open amounts per currency: deals in different currencies are never summed together. */
      amounts: z.array(z.object({ currency: z.string(), amount: z.number() })),
    }),
  ),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
