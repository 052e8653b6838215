import { describe, expect, it } from 'vitest';
import { editKind, findNotices, MAX_NOTICE_CHARS, newNotices, noticeKind } from './notices';

describe('noticeKind', () => {
  it.each([
    ['Correction: An earlier version of this story misstated the age of the mayor.', 'correction'],
    ['CORRECTION (March 3): The report was published on Tuesday, not Monday.', 'correction'],
    [
      'Clarification: This article has been amended to make clear that the council did not vote.',
      'clarification',
    ],
    ['An earlier version of this article incorrectly said the bridge opened in 1998.', 'correction'],
    ['This story has been updated with a statement from the company.', 'update'],
    ['This article was amended on 4 May 2021 to correct the spelling of a name.', 'update'],
    ["Editor's note: The names of the children have been changed to protect their privacy.", 'editors-note'],
    ['Editor’s Note – This piece was written before the results were announced.', 'editors-note'],
    ['(Corrects paragraph 5 to show the company is based in Oslo)', 'correction'],
    ['Update: Police say the suspect was arrested on Sunday evening near the border.', 'update'],
    ['Korrektur: In einer früheren Version hieß es, der Minister sei zurückgetreten.', 'correction'],
    ['In einer früheren Version dieses Artikels stand, das Gesetz gelte ab Mai.', 'correction'],
    ['Dieser Artikel wurde nachträglich aktualisiert.', 'update'],
    ['Anmerkung der Redaktion: Wir haben den Namen der Quelle auf ihren Wunsch geändert.', 'editors-note'],
    ['Rectificatif : contrairement à ce que nous indiquions, la réunion a eu lieu jeudi.', 'correction'],
    ['Une précédente version de cet article indiquait une date erronée.', 'correction'],
    ['Cet article a été mis à jour avec la réaction du ministre.', 'update'],
    ['NDLR : les propos ont été recueillis avant la démission du maire.', 'editors-note'],
    ['Fe de erratas: en una versión anterior se dijo que el alcalde había dimitido.', 'correction'],
    ['Una versión anterior de este artículo atribuía la cita al ministro equivocado.', 'correction'],
    ['Esta noticia ha sido actualizada con la reacción del gobierno.', 'update'],
    [
      'Nota del editor: los nombres de los menores fueron cambiados para proteger su identidad.',
      'editors-note',
    ],
    ['Aclaración: el informe no fue encargado por el ministerio sino por la oposición.', 'clarification'],
  ])('%s → %s', (text, kind) => {
    expect(noticeKind(text)).toBe(kind);
  });

  it.each([
    'Updated: 12 March 2024, 10:32 GMT',
    'Updated 5 minutes ago',
    'Aktualisiert: 12. März 2024, 10:32 Uhr',
    'Mis à jour le 3 mars 2024 à 10h32',
    'Actualizado: 12 de marzo de 2024, 10:32',
    'The correction in the stock market was the sharpest since 2020, analysts said.',
    'She asked for a correction, but the newspaper refused to print one.',
    'The original version of this story was published by ProPublica.',
    'A version of this article appears in print on page A1 of the New York edition.',
    'Update your browser to view this content.',
  ])('not a notice: %s', (text) => {
    expect(noticeKind(text)).toBeNull();
  });

  it('leaves paragraphs longer than any notice alone', () => {
    const long = `Correction: ${'the figure was wrong '.repeat(100)}`;
    expect(long.length).toBeGreaterThan(MAX_NOTICE_CHARS);
    expect(noticeKind(long)).toBeNull();
  });
});

describe('findNotices', () => {
  it('finds a notice anywhere in the article', () => {
    const paragraphs = [
      'Correction: The vote took place on Tuesday, not on Wednesday as first reported.',
      'The council met for four hours.',
      'Members then voted on the budget.',
      'This article was corrected on 3 March to fix the date of the vote.',
    ];
    expect(findNotices(paragraphs).map((n) => n.index)).toEqual([0, 3]);
  });
});

describe('newNotices and editKind', () => {
  const v1 = { title: 'Council votes', paragraphs: ['The council voted on Wednesday.', 'It passed 5-4.'] };
  const corrected = {
    title: 'Council votes',
    paragraphs: [
      'The council voted on Tuesday.',
      'It passed 5-4.',
      'Correction: An earlier version of this article gave the wrong day for the vote.',
    ],
  };
  const silent = { title: 'Council votes', paragraphs: ['The council voted on Tuesday.', 'It passed 5-4.'] };

  it('an edit that brings a notice is corrected, one without is silent', () => {
    expect(editKind(v1, corrected)).toBe('corrected');
    expect(editKind(v1, silent)).toBe('silent');
    expect(editKind(v1, { ...v1 })).toBeNull();
  });

  it('a notice already there does not make a later edit a correction', () => {
    const later = {
      ...corrected,
      paragraphs: ['The council voted on Tuesday night.', ...corrected.paragraphs.slice(1)],
    };
    expect(newNotices(corrected.paragraphs, later.paragraphs)).toEqual([]);
    expect(editKind(corrected, later)).toBe('silent');
  });

  it('a notice carried over in other quotes or spacing is not new; one extended with a second correction is', () => {
    const old = ['Intro.', 'Correction: An earlier version of this article said \u201cMonday\u201d.', 'End.'];
    const respaced = ['Intro.', 'Correction:  An earlier version of this article said "Monday".', 'End.'];
    expect(newNotices(old, respaced)).toEqual([]);
    const extended = [...respaced.slice(0, 2), 'Update: This article was updated with the final vote count.'];
    expect(newNotices(old, extended).map((notice) => [notice.index, notice.kind])).toEqual([[2, 'update']]);
    const grown = ['Intro.', `${respaced[1]} It also misspelled a name.`, 'End.'];
    expect(newNotices(old, grown).map((notice) => notice.index)).toEqual([1]);
  });

  it('whitespace and quote styles are not an edit', () => {
    expect(
      editKind(v1, {
        title: 'Council  votes',
        paragraphs: ['The council voted on Wednesday.', 'It passed 5\u20114.'],
      }),
    ).not.toBe('corrected');
    expect(editKind(v1, { title: 'Council\u00a0votes', paragraphs: [...v1.paragraphs] })).toBeNull();
  });
});
