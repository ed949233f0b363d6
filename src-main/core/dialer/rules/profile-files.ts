import ru from './profiles/ru.json' with { type: 'json' };
import ua from './profiles/ua.json' with { type: 'json' };
import uk from './profiles/uk.json' with { type: 'json' };
import us from './profiles/us.json' with { type: 'json' };
import { profileSchema, type Profile } from './profile-schema';

/** A profile file refused at load: which file, which field, and why. */
export interface ProfileRejection {
  where: string;
  field: string;
  reason: string;
}

export interface LoadedProfiles {
  accepted: Profile[];
  rejected: ProfileRejection[];
}

/** A profile file as read: where it came from (for the report) and its text or parsed JSON. */
export type ProfileFile = { where: string; text: string } | { where: string; json: unknown };

/** The profiles shipped with the workstation, bundled into main so they travel with the build. */
export const BUILT_IN_PROFILE_FILES: readonly ProfileFile[] = [
  { where: 'dialer/rules/profiles/us.json', json: us },
  { where: 'dialer/rules/profiles/uk.json', json: uk },
  { where: 'dialer/rules/profiles/ru.json', json: ru },
  { where: 'dialer/rules/profiles/ua.json', json: ua },
];

function parseJson(file: ProfileFile): { ok: true; json: unknown } | { ok: false; rejection: ProfileRejection } {
  if ('json' in file) return { ok: true, json: file.json };
  try {
    return { ok: true, json: JSON.parse(file.text) as unknown };
  } catch (error) {
    return { ok: false, rejection: { where: file.where, field: '', reason: `not JSON: ${(error as Error).message}` } };
  }
}

/**
 * Validates profile files whole: a file with any fault is refused with every issue named (field path
 * and reason) and none of its rules apply; a second file claiming an id or a country already taken is refused too.
 */
export function loadProfiles(files: readonly ProfileFile[]): LoadedProfiles {
  const accepted: Profile[] = [];
  const rejected: ProfileRejection[] = [];
  const countryOwner = new Map<string, string>();
  for (const file of files) {
    const read = parseJson(file);
    if (!read.ok) {
      rejected.push(read.rejection);
      continue;
    }
    const parsed = profileSchema.safeParse(read.json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) rejected.push({ where: file.where, field: issue.path.join('.'), reason: issue.message });
      continue;
    }
    const profile = parsed.data;
    const clashes: ProfileRejection[] = [];
    if (accepted.some((p) => p.id === profile.id)) clashes.push({ where: file.where, field: 'id', reason: `profile ${profile.id} is already loaded from another file` });
    profile.countries.forEach((country, index) => {
      const owner = countryOwner.get(country);
      if (owner !== undefined) clashes.push({ where: file.where, field: `countries.${index}`, reason: `${country} already belongs to profile ${owner}` });
    });
    if (clashes.length > 0) {
      rejected.push(...clashes);
      continue;
    }
    for (const country of profile.countries) countryOwner.set(country, profile.id);
    accepted.push(profile);
  }
  return { accepted, rejected };
}
