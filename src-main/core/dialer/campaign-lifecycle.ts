import type { CampaignState } from '#contract';
import { defineLifecycle } from '#core/shared/lifecycle';

/**
 * A campaign's life: drafted, started, paused and resumed (by the supervisor, or by itself while the phone
 * is unregistered), finished. A finished campaign stays finished: its results and audit are what remain.
 */
export const campaignLifecycle = defineLifecycle<CampaignState>('campaign', {
  draft: ['running', 'finished'],
  running: ['paused', 'finished'],
  paused: ['running', 'finished'],
  finished: [],
});
