import type { MethodName, MethodOutput, MethodParams } from '#contract';

/** Who is asking; hosts fill it in. Handlers may use it for audit or per-window behaviour. */
export interface RequestContext {
  /** `electron:<webContentsId>` or `web:<connection number>`, for logs. */
  origin: string;
}

export type Handler<M extends MethodName> = (
  params: MethodParams<M>,
  ctx: RequestContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable<K extends MethodName = MethodName> = { [M in K]: Handler<M> };

/**
 * Each domain exports its slice of handlers with `defineHandlers`, typed against the contract.
 */
export function defineHandlers<K extends MethodName>(handlers: HandlerTable<K>): HandlerTable<K> {
  return handlers;
}

/**
 * Joins the domains' slices into one table. A method bound twice is a bug found at start-up,
 * and a method of the contract left unbound is reported by name.
 */
export function combineHandlers(...parts: Partial<HandlerTable>[]): HandlerTable {
  const table: Partial<Record<MethodName, unknown>> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part) as [MethodName, unknown][]) {
      if (table[name]) throw new Error(`API method "${name}" is bound twice`);
      table[name] = handler;
    }
  }
  return table as HandlerTable;
}

export function missingHandlers(table: Partial<HandlerTable>, names: readonly MethodName[]): MethodName[] {
  return names.filter((name) => typeof table[name] !== 'function');
}
