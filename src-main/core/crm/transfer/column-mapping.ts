import type { CustomField, ImportTarget } from '#contract';
import { foldForSearch } from '#core/shared/text';

/** Header words people use, in Ukrainian, Russian and English, for each target. */
const synonyms: [ImportTarget, string[]][] = [
  ['fullName', ['піб', 'фио', 'ф.и.о', 'full name', 'name', 'контакт', 'контактна особа', 'контактное лицо', "ім'я та прізвище", 'имя и фамилия']],
  ['lastName', ['прізвище', 'фамилия', 'last name', 'surname', 'family name']],
  ['firstName', ["ім'я", 'имя', 'first name', 'given name']],
  ['middleName', ['по батькові', 'отчество', 'middle name', 'patronymic']],
  ['company', ['компанія', 'компания', 'організація', 'организация', 'фірма', 'фирма', 'company', 'organization', 'organisation', 'контрагент']],
  ['position', ['посада', 'должность', 'position', 'title', 'job title']],
  ['mobile', ['мобільний', 'мобильный', 'моб', 'mobile', 'cell', 'cellphone']],
  ['workPhone', ['робочий телефон', 'рабочий телефон', 'work phone', 'office phone']],
  ['phone', ['телефон', 'тел', 'phone', 'telephone', 'номер', 'phone number', 'телефони', 'телефоны']],
  ['email', ['email', 'e-mail', 'ел. пошта', 'эл. почта', 'пошта', 'почта', 'mail']],
  ['address', ['адреса', 'адрес', 'address']],
  ['city', ['місто', 'город', 'city', 'town']],
  ['country', ['країна', 'страна', 'country', 'держава', 'государство']],
  ['tags', ['теги', 'мітки', 'метки', 'tags', 'labels', 'категорія', 'категория', 'category']],
  ['notes', ['примітки', 'примечание', 'примечания', 'коментар', 'комментарий', 'notes', 'note', 'comment']],
  ['source', ['джерело', 'источник', 'source']],
  ['doNotCall', ['не дзвонити', 'не звонить', 'do not call', 'dnc']],
];

/** A guess at each column's meaning from its header, for the operator to confirm in the preview. */
export function suggestMapping(headers: readonly string[], fields: readonly CustomField[]): ImportTarget[] {
  const used = new Set<ImportTarget>();
  return headers.map((header) => {
    const folded = foldForSearch(header).replace(/[:*.]/g, '').trim();
    // "Прізвище / Last name": either half may be the word we know.
    const spellings = [folded, ...folded.split(/\s*[/|]\s*/)];
    const custom = fields.find((f) => f.entity === 'contact' && spellings.includes(foldForSearch(f.name)));
    if (custom) return `custom:${custom.id}`;
    const match = synonyms.find(([target, words]) => !used.has(target) && words.some((w) => spellings.includes(foldForSearch(w))));
    const phoneAgain = !match && synonyms.find(([target]) => target === 'phone')?.[1].some((w) => folded.startsWith(foldForSearch(w)));
    const target = match?.[0] ?? (phoneAgain ? 'phone' : 'skip');
    if (target !== 'phone' && target !== 'skip') used.add(target);
    return target;
  });
}
