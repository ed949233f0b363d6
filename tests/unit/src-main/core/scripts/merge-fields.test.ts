import { describe, expect, it } from 'vitest';
import { fieldsUsed, mergeFields } from '#core/scripts/merge-fields';

describe('merge fields', () => {
  const context = { 'contact.firstName': 'Олена', 'company.name': '', 'operator.name': 'Оксана', 'custom.День доставки': 'вівторок' };

  it('puts values in, uses the fallback for an empty or unknown field, and shows the gap otherwise', () => {
    expect(mergeFields('Добрий день, {contact.firstName}! Мене звати {operator.name}.', context)).toEqual({ text: 'Добрий день, Олена! Мене звати Оксана.', missing: [] });
    expect(mergeFields('Від {company.name|вашої компанії}', context)).toEqual({ text: 'Від вашої компанії', missing: [] });
    expect(mergeFields('Кампанія {campaign.name}', context)).toEqual({ text: 'Кампанія [campaign.name]', missing: ['campaign.name'] });
    expect(mergeFields('Доставка у {custom.День доставки}', context).text).toBe('Доставка у вівторок');
    expect(mergeFields('Пусто {contact.firstName|}', { 'contact.firstName': null }).text).toBe('Пусто ');
  });

  it('leaves braces that are not fields alone, and lists the fields a text uses', () => {
    expect(mergeFields('{не поле} {x}', context).text).toBe('{не поле} {x}');
    expect(fieldsUsed('{contact.firstName|пане} і {company.name}')).toEqual(['contact.firstName', 'company.name']);
  });
});
