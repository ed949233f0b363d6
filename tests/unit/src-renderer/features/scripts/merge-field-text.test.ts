import { describe, expect, it } from 'vitest';
import { insertMergeField, markMissing, mergeFieldChoices } from '#renderer/features/scripts/merge-field-text';

describe('merge fields in the script editor', () => {
  it('offers the built-in fields and custom fields by name, leaving out names that cannot be written in braces', () => {
    expect(mergeFieldChoices(['Delivery day', 'a|b', ' '])).toEqual(['contact.firstName', 'contact.lastName', 'contact.fullName', 'company.name', 'operator.name', 'campaign.name', 'custom.Delivery day']);
  });

  it('inserts a field at the caret or over the selection', () => {
    expect(insertMergeField('Hello !', 6, 6, 'contact.firstName')).toEqual({ text: 'Hello {contact.firstName}!', caret: 25 });
    expect(insertMergeField('Hello you!', 6, 9, 'contact.firstName')).toEqual({ text: 'Hello {contact.firstName}!', caret: 25 });
    expect(insertMergeField('', 99, 99, 'company.name')).toEqual({ text: '{company.name}', caret: 14 });
  });

  it('cuts a merged text at the gaps main left for missing fields', () => {
    expect(markMissing('Hi [contact.firstName], this is Anna from [company.name].', ['contact.firstName', 'contact.lastName', 'contact.fullName', 'company.name'])).toEqual([
      { text: 'Hi ', missing: false },
      { text: '[contact.firstName]', missing: true },
      { text: ', this is Anna from ', missing: false },
      { text: '[company.name]', missing: true },
      { text: '.', missing: false },
    ]);
    expect(markMissing('All there', [])).toEqual([{ text: 'All there', missing: false }]);
  });
});
