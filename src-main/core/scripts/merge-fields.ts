/**
 * Merge fields in script texts: `{contact.firstName}`, `{company.name}`, `{operator.name}`,
 * `{campaign.name}`, `{custom.Delivery day}`, each with an optional fallback after a bar:
 * `{contact.firstName|dear customer}`. A field without a value and without a fallback is left visible
 * as `[contact.firstName]` and reported, so the operator sees a gap instead of reading out a blank.
 */
export type MergeContext = Readonly<Record<string, string | null | undefined>>;

export interface MergedText {
  text: string;
  /** Fields that had no value and no fallback. */
  missing: string[];
}

const field = /\{([a-zA-Z]+\.[^{}|]+?)(?:\|([^{}]*))?\}/g;

export function mergeFields(template: string, context: MergeContext): MergedText {
  const missing: string[] = [];
  const text = template.replace(field, (_whole, name: string, fallback: string | undefined) => {
    const value = context[name.trim()];
    if (value !== null && value !== undefined && value.trim() !== '') return value;
    if (fallback !== undefined) return fallback;
    missing.push(name.trim());
    return `[${name.trim()}]`;
  });
  return { text, missing };
}

/** The field names a template uses, for the editor's preview and checks. */
export function fieldsUsed(template: string): string[] {
  return [...template.matchAll(field)].map((m) => m[1]!.trim());
}
