import type { TFunction } from 'i18next';
import type { DealStageKey } from '#contract';

/** A deal stage as the operator reads it: a stage we ship in the interface language, one someone named as they named it. */
export function stageName(t: TFunction, stage: { name: string; key: DealStageKey | null }): string {
  return stage.key ? t(`dealStage.${stage.key}`) : stage.name;
}
