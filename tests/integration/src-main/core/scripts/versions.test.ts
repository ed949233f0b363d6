import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { recordCall, salesScript, scriptsWorkstation, surveyQuestionnaire } from '#tests/support/scripts';
import { callApi, testNow } from '#tests/support/workstation';

const day = 24 * 60 * 60 * 1000;

describe('publishing scripts and questionnaires as versions', () => {
  it('saving a draft never touches the published versions; publishing an unchanged draft adds none', async () => {
    const { workstation } = await scriptsWorkstation();
    const saved = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Sales', script: salesScript() });
    expect(saved).toMatchObject({ versions: [], hasUnpublishedChanges: true, problems: [] });
    const published = await ok(workstation, 'scripts.publish', { id: saved.id });
    expect(published.versions).toEqual([expect.objectContaining({ ordinal: 1 })]);
    expect(published.hasUnpublishedChanges).toBe(false);

    const edited = salesScript();
    edited.nodes[0]!.text = 'Вітаю!';
    const draft = await ok(workstation, 'scripts.save', { id: saved.id, kind: 'script', name: 'Sales', script: edited });
    expect(draft.versions).toHaveLength(1);
    expect(draft.hasUnpublishedChanges).toBe(true);
    expect((await ok(workstation, 'scripts.list', { kind: 'script' }))[0]).toMatchObject({ versions: 1, hasUnpublishedChanges: true, publishedVersionId: published.versions[0]!.id });

    expect((await ok(workstation, 'scripts.publish', { id: saved.id })).versions.map((v) => v.ordinal)).toEqual([1, 2]);
    expect((await ok(workstation, 'scripts.publish', { id: saved.id })).versions).toHaveLength(2);
  });

  it('refuses to publish a draft with blocking problems, naming them; unreachable nodes and dead ends only warn', async () => {
    const { workstation } = await scriptsWorkstation();
    const broken = salesScript();
    broken.nodes[1]!.answers[0]!.next = 'nowhere';
    const saved = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Broken', script: broken });
    expect(saved.problems).toContainEqual({ nodeId: 'offer', code: 'missing_target', detail: 'yes' });
    const refused = await callApi(workstation, 'scripts.publish', { id: saved.id });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'conflict', reason: 'script_has_problems', params: { count: 1, codes: 'missing_target', detail: 'offer' } });

    const warned = salesScript();
    warned.nodes.push({ id: 'orphan', kind: 'step', title: 'Orphan', text: '', answers: [], disposition: null, proposeCallback: false, sectionId: null, position: { x: 0, y: 0 } });
    const fine = await ok(workstation, 'scripts.save', { id: saved.id, kind: 'script', name: 'Broken', script: warned });
    expect(fine.problems.map((p) => p.code).sort()).toEqual(['dead_end', 'unreachable']);
    expect((await ok(workstation, 'scripts.publish', { id: saved.id })).versions).toHaveLength(1);
  });

  it('answers given to version 1 keep their meaning after version 2 is published; results per version and merged where unchanged', async () => {
    const { workstation } = await scriptsWorkstation();
    const v1 = surveyQuestionnaire();
    const questionnaire = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Survey', questionnaire: v1 });
    await ok(workstation, 'scripts.publish', { id: questionnaire.id });

    const firstCall = recordCall(workstation, { at: testNow });
    const first = await ok(workstation, 'responses.open', { callId: firstCall, questionnaireId: questionnaire.id });
    await ok(workstation, 'responses.answer', { responseId: first.responseId, questionId: 'channel', value: 'friend' });
    await ok(workstation, 'responses.answer', { responseId: first.responseId, questionId: 'client', value: false });

    // Version 2 renames the channel options (a different question now) and keeps "Already a client?".
    const v2 = surveyQuestionnaire();
    v2.sections[0]!.questions[2]!.options = [
      { id: 'web', label: 'Website' },
      { id: 'friend', label: 'Friends or family' },
    ];
    await ok(workstation, 'scripts.save', { id: questionnaire.id, kind: 'questionnaire', name: 'Survey', questionnaire: v2 });
    const published = await ok(workstation, 'scripts.publish', { id: questionnaire.id });
    const [version1, version2] = published.versions;

    const again = await ok(workstation, 'responses.get', { responseId: first.responseId });
    expect(again.versionId).toBe(version1!.id);
    expect(again.definition).toEqual(v1);
    expect(again.answers).toEqual({ channel: 'friend', client: false });

    const secondCall = recordCall(workstation, { at: testNow + 1000 });
    const second = await ok(workstation, 'responses.open', { callId: secondCall, questionnaireId: questionnaire.id });
    expect(second.versionId).toBe(version2!.id);
    await ok(workstation, 'responses.answer', { responseId: second.responseId, questionId: 'channel', value: 'friend' });
    await ok(workstation, 'responses.answer', { responseId: second.responseId, questionId: 'client', value: true });

    const period = { id: questionnaire.id, from: testNow - day, to: testNow + day };
    const merged = await ok(workstation, 'scripts.results', period);
    expect(merged.versions.map((v) => [v.ordinal, v.runs])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const client = merged.questions.filter((q) => q.questionId === 'client');
    expect(client).toHaveLength(1);
    expect(client[0]).toMatchObject({ versionIds: [version2!.id, version1!.id], answered: 2 });
    expect(client[0]!.options).toEqual([
      { id: 'true', label: 'yes', count: 1 },
      { id: 'false', label: 'no', count: 1 },
    ]);
    const channels = merged.questions.filter((q) => q.questionId === 'channel');
    expect(channels.map((q) => [q.versionIds, q.options.find((o) => o.id === 'friend')])).toEqual([
      [[version2!.id], { id: 'friend', label: 'Friends or family', count: 1 }],
      [[version1!.id], { id: 'friend', label: 'A friend', count: 1 }],
    ]);

    const onlyFirst = await ok(workstation, 'scripts.results', { ...period, versionId: version1!.id });
    expect(onlyFirst.questions.find((q) => q.questionId === 'client')).toMatchObject({ versionIds: [version1!.id], answered: 1 });
  });
});
