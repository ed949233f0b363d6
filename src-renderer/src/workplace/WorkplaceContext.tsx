import { createContext, useContext } from 'react';
import type { AppInfo, Language, Settings, SettingsPatch } from '#contract';

export interface Workplace {
  info: AppInfo;
  settings: Settings;
  /** The language being shown (Settings' choice, or the system's). */
  language: Language;
  /** The locale for dates and numbers. */
  locale: string;
  updateSettings: (patch: SettingsPatch) => Promise<void>;
}

export const WorkplaceContext = createContext<Workplace | null>(null);

export function useWorkplace(): Workplace {
  const workplace = useContext(WorkplaceContext);
  if (!workplace) throw new Error('useWorkplace() outside <WorkplaceContext.Provider>');
  return workplace;
}
