import { z } from 'zod';
import { QuestionnaireDefinitionSchema, ScriptDefinitionSchema, ScriptKindSchema, type MethodParams, type PayloadIssue, type ScriptDocument } from '#contract';
import { issuesOf } from '#core/api/dispatch';
import { InvalidInputError, issue } from '#core/shared/errors';

/** What makes a JSON file ours, and the one version of its layout this release reads and writes. */
export const scriptFileFormat = 'operator-workstation-script';
export const scriptFileVersion = 1;

const EnvelopeSchema = z.strictObject({
  format: z.literal(scriptFileFormat),
  version: z.literal(scriptFileVersion),
  kind: ScriptKindSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  script: ScriptDefinitionSchema.optional(),
  questionnaire: QuestionnaireDefinitionSchema.optional(),
});

/** A file carries the definition of its kind and not the other (checked beside zod, so both are reported at once). */
function kindIssues(envelope: Record<string, unknown>): PayloadIssue[] {
  const kind = ScriptKindSchema.safeParse(envelope.kind);
  if (!kind.success) return [];
  const other = kind.data === 'script' ? 'questionnaire' : 'script';
  return [
    ...(envelope[kind.data] === undefined ? [issue(kind.data, 'required', `A ${kind.data} file needs its "${kind.data}"`)] : []),
    ...(envelope[other] !== undefined ? [issue(other, 'script_kind_mismatch', `A ${kind.data} file carries no "${other}"`)] : []),
  ];
}

/** The draft as a file a colleague or another workstation imports. */
export function exportScriptJson(document: ScriptDocument): { fileName: string; text: string } {
  const envelope = {
    format: scriptFileFormat,
    version: scriptFileVersion,
    kind: document.kind,
    name: document.name,
    description: document.description,
    ...(document.kind === 'script' ? { script: document.script } : { questionnaire: document.questionnaire }),
  };
  return { fileName: `${fileSafeName(document.name, document.kind)}.${document.kind}.json`, text: `${JSON.stringify(envelope, null, 2)}\n` };
}

/** A name for a file: letters of any script are kept (a Ukrainian name stays readable); only what file systems refuse is replaced. */
export function fileSafeName(name: string, fallback: string): string {
  return [...name]
    .map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 80) || fallback;
}

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped (V8 names the position, and on newer versions line and column), for any JSON file we read. */
export function syntaxIssue(text: string, error: SyntaxError): PayloadIssue {
  const position = /position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : text.length;
  const { line, column } = lineAndColumn(text, offset);
  return issue('', 'not_json', `Not JSON at line ${line}, column ${column}: ${error.message}`, { line, column, detail: column });
}

/**
 * Reads a script or questionnaire file: JSON, then our envelope, then the definition against the
 * contract. Every problem is reported with its path (`script.nodes.2.answers.0.next`) and reason;
 * nothing is saved from a file with a problem.
 */
export function parseScriptFile(text: string): MethodParams<'scripts.save'> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof SyntaxError) throw new InvalidInputError([syntaxIssue(text.replace(/^\uFEFF/, ''), error)]);
    throw error;
  }
  const envelope = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (envelope?.format !== scriptFileFormat) {
    throw new InvalidInputError([issue('format', 'not_a_script_file', `Not a file of ours: "format" must be "${scriptFileFormat}"`)]);
  }
  if (envelope.version !== scriptFileVersion) {
    throw new InvalidInputError([issue('version', 'script_file_version', `Format version ${String(envelope.version)} is not ${scriptFileVersion}`, { detail: String(envelope.version) })]);
  }
  const parsed = EnvelopeSchema.safeParse(value, { reportInput: true });
  const issues = [...(parsed.success ? [] : issuesOf(parsed.error)), ...kindIssues(envelope)];
  if (!parsed.success || issues.length > 0) throw new InvalidInputError(issues);
  const file = parsed.data;
  return { kind: file.kind, name: file.name, description: file.description, script: file.script ?? null, questionnaire: file.questionnaire ?? null };
}
