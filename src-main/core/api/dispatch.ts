import type { ZodError, z } from 'zod';
import { assertNever, ErrorReasonSchema, isMethodName, methods, type ApiError, type ErrorParams, type ErrorReason, type MethodName, type PayloadIssue, type Result } from '#contract';
import { BugError, DomainError, InvalidInputError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { HandlerTable, RequestContext } from './registry';

export type Dispatch = (method: string, rawInput: unknown, ctx: RequestContext) => Promise<Result<unknown>>;

/** Zod's issues as the contract's: a stable code and what its wording needs, plus zod's English for logs. */
export function issuesOf(error: ZodError): PayloadIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), ...reasonOf(issue), message: issue.message }));
}

function reasonOf(issue: z.core.$ZodIssue): { code: ErrorReason; params: ErrorParams } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required', params: {} };
      if (issue.expected === 'number' || issue.expected === 'int') return { code: 'not_a_number', params: {} };
      return { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'required', params: {} };
      return { code: 'too_small', params: { origin: issue.origin, count: Number(issue.minimum) + (issue.inclusive === false ? 1 : 0) } };
    case 'too_big':
      return { code: 'too_big', params: { origin: issue.origin, count: Number(issue.maximum) - (issue.inclusive === false ? 1 : 0) } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: issue.divisor } };
    case 'unrecognized_keys':
      return { code: 'unknown_keys', params: { keys: issue.keys.join(', '), count: issue.keys.length } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { code: 'invalid_value', params: {} };
    case 'custom':
      return customReason(issue.params);
    default:
      return assertNever(issue);
  }
}

/** Refinements name their reason in zod's `params` (`{ params: { reason: 'contact_needs_name' } }`). */
function customReason(params: Record<string, unknown> | undefined): { code: ErrorReason; params: ErrorParams } {
  const { reason, ...rest } = params ?? {};
  const parsed = ErrorReasonSchema.safeParse(reason);
  const wording = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
  return { code: parsed.success ? parsed.data : 'invalid_value', params: wording };
}

/**
 * The single entry of every request, whatever host carried it: name check → input validation →
 * handler → output check. Nothing runs on a payload that failed validation, and no exception
 * crosses the process boundary.
 */
export function createDispatcher(handlers: HandlerTable, logger: Logger): Dispatch {
  return async (method, rawInput, ctx) => {
    if (!isMethodName(method)) {
      return failure({ code: 'unknown_method', message: `There is no API method named "${String(method).slice(0, 80)}"` });
    }
    const spec = methods[method];
    // reportInput: an issue's input tells a missing field ("required") from a wrong one; it stays in main.
    const parsed = spec.input.safeParse(rawInput, { reportInput: true });
    if (!parsed.success) {
      return failure({
        code: 'invalid_payload',
        message: `The request for ${method} is malformed; nothing was changed`,
        issues: issuesOf(parsed.error),
      });
    }
    try {
      const handler = handlers[method] as (params: unknown, ctx: RequestContext) => unknown;
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new BugError(`Handler for ${method} answered outside the contract: ${JSON.stringify(issuesOf(checked.error))}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return failure(toApiError(method, error, logger, ctx));
    }
  };
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

function toApiError(method: MethodName, error: unknown, logger: Logger, ctx: RequestContext): ApiError {
  if (error instanceof InvalidInputError) return { code: error.code, message: error.message, issues: error.issues };
  if (error instanceof DomainError) return { code: error.code, reason: error.reason, params: error.params, message: error.message };
  logger.error('API handler failed', {
    method,
    origin: ctx.origin,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return { code: 'internal', message: `Something went wrong in ${method}; the details are in the log` };
}
