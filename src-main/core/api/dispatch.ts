import type { ZodError } from 'zod';
import { isMethodName, methods, type ApiError, type MethodName, type PayloadIssue, type Result } from '#contract';
import { BugError, DomainError, InvalidInputError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { HandlerTable, RequestContext } from './registry';

export type Dispatch = (method: string, rawInput: unknown, ctx: RequestContext) => Promise<Result<unknown>>;

export function issuesOf(error: ZodError): PayloadIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
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
    const parsed = spec.input.safeParse(rawInput);
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
  if (error instanceof DomainError) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  logger.error('API handler failed', {
    method,
    origin: ctx.origin,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return { code: 'internal', message: `Something went wrong in ${method}; the details are in the log` };
}
