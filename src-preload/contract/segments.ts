import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

const interactionKindOrAny = z.enum(['call', 'meeting', 'planned', 'email', 'note', 'any']);

/** One condition of a segment; a segment matches the contacts meeting all of them. */
export const SegmentConditionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('field'),
    field: z.enum(['name', 'position', 'source', 'company', 'city']),
    op: z.enum(['equals', 'starts', 'contains', 'empty', 'not_empty']),
    value: z.string().trim().max(200).default(''),
  }),
  z.strictObject({ type: z.literal('responsible'), employeeId: IdSchema.nullable() }),
  z.strictObject({ type: z.literal('tag'), tagId: IdSchema, has: z.boolean().default(true) }),
  z.strictObject({
    type: z.literal('custom'),
    fieldId: IdSchema,
    op: z.enum(['equals', 'contains', 'gt', 'lt', 'empty', 'not_empty']),
    value: z.union([z.string().max(200), z.number()]).default(''),
  }),
  z.strictObject({
    type: z.literal('recency'),
    kind: interactionKindOrAny,
    days: z.number().int().min(1).max(3650),
    /** none_within: "no call in the last 60 days"; some_within: "met in the last 30 days". */
    mode: z.enum(['none_within', 'some_within']),
  }),
  z.strictObject({ type: z.literal('consent'), flag: z.enum(['doNotCall', 'noEmail']), value: z.boolean() }),
  z.strictObject({ type: z.literal('has_phone'), value: z.boolean() }),
]);
export type SegmentCondition = z.infer<typeof SegmentConditionSchema>;

export const SegmentDefinitionSchema = z.strictObject({
  conditions: z.array(SegmentConditionSchema).max(30),
});
export type SegmentDefinition = z.infer<typeof SegmentDefinitionSchema>;

export const SegmentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  definition: SegmentDefinitionSchema,
  updatedAt: TimestampSchema,
});
export type Segment = z.infer<typeof SegmentSchema>;

export const SegmentInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(120),
  definition: SegmentDefinitionSchema,
});
