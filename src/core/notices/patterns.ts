/**
 * The one table of what an editor's note looks like, in English, German, French and Spanish. A notice may stand
 * anywhere in an article (top, bottom, in the middle of a live blog), so every pattern is tried on every
 * paragraph; see notices.ts for how a match is judged.
 *
 * Two shapes:
 * - `label`: a paragraph that opens with a label and a colon or dash ("Correction:", "Berichtigung –"). What
 *   follows must read as a sentence, not a date ("Updated: 12 March 2024, 10:32" is a dateline, not a note).
 * - `phrase`: a sentence an editor's note is made of, wherever it stands in the paragraph ("An earlier version
 *   of this article misstated…", "Dieser Artikel wurde aktualisiert").
 *
 * `\b` in JavaScript only knows ASCII letters, so no pattern puts it next to an accented one.
 */

export type NoticeKind = 'correction' | 'clarification' | 'update' | 'editors-note';

export interface NoticePattern {
  lang: 'en' | 'de' | 'fr' | 'es';
  kind: NoticeKind;
  shape: 'label' | 'phrase';
  pattern: RegExp;
}

// A label ends at a colon or a dash; "Correction (12 March):" carries its date in brackets.
const END = String.raw`\s*(?:\([^)]{0,40}\)\s*)?(?::|\s[-\u2013\u2014]\s)`;

function label(lang: NoticePattern['lang'], kind: NoticeKind, words: string): NoticePattern {
  return { lang, kind, shape: 'label', pattern: new RegExp(String.raw`^\(?(?:${words})${END}`, 'iu') };
}

function phrase(lang: NoticePattern['lang'], kind: NoticeKind, source: string): NoticePattern {
  return { lang, kind, shape: 'phrase', pattern: new RegExp(source, 'iu') };
}

export const NOTICE_PATTERNS: readonly NoticePattern[] = [
  // English
  label('en', 'correction', 'corrections?|erratum'),
  label('en', 'clarification', 'clarifications?'),
  label('en', 'update', 'update[ds]?|story updated'),
  label('en', 'editors-note', "editor(?:'|\u2019)?s(?:'|\u2019)? note|note to readers|an earlier version"),
  phrase(
    'en',
    'correction',
    String.raw`\b(?:an|the) (?:earlier|previous|prior) version of this (?:article|story|report|post|piece|column|headline)\b`,
  ),
  phrase(
    'en',
    'update',
    String.raw`\bthis (?:article|story|report|post|piece) (?:has been|was|is being) (?:updated|amended|corrected|revised|clarified)\b`,
  ),
  phrase(
    'en',
    'correction',
    String.raw`\b(?:we|the (?:times|post|guardian|bbc)) (?:corrected|amended) (?:this|the|an) (?:article|story|error)\b`,
  ),
  // Reuters and AP: "(Corrects paragraph 5 to show…)", "(Updates with minister's comment)".
  phrase('en', 'correction', String.raw`^\((?:corrects|clarifies|refiles|fixes)\b`),
  phrase('en', 'update', String.raw`^\(updates (?:with|to|throughout|paragraphs?)\b`),
  // German
  label('de', 'correction', 'korrektur|berichtigung|richtigstellung|korrigiert'),
  label('de', 'clarification', 'klarstellung|präzisierung'),
  label('de', 'update', 'aktualisierung|aktualisiert|update|nachtrag|ergänzung'),
  label(
    'de',
    'editors-note',
    String.raw`anmerkung der redaktion|anm\. d\. red\.|hinweis der redaktion|in eigener sache`,
  ),
  phrase(
    'de',
    'correction',
    String.raw`\bin einer (?:früheren|vorherigen|ersten) (?:version|fassung) (?:dieses|des) (?:artikels|textes|beitrags)`,
  ),
  phrase(
    'de',
    'update',
    String.raw`\b(?:dieser|der) (?:artikel|text|beitrag) wurde (?:nachträglich |am [^.]{1,30} )?(?:aktualisiert|korrigiert|geändert|ergänzt|überarbeitet)`,
  ),
  phrase(
    'de',
    'correction',
    String.raw`\bwir haben (?:den|diesen) (?:fehler|text|artikel|beitrag) (?:korrigiert|berichtigt)`,
  ),
  // French
  label('fr', 'correction', 'correction|rectificatif|erratum|correctif'),
  label('fr', 'clarification', 'précision|precision|clarification'),
  label('fr', 'update', 'mise à jour|mise a jour|actualisation|màj'),
  label('fr', 'editors-note', String.raw`note de la rédaction|note de la redaction|n\.?d\.?l\.?r\.?`),
  phrase(
    'fr',
    'correction',
    String.raw`\bune (?:précédente|première|ancienne|version précédente|version antérieure)(?: version)? de cet article`,
  ),
  phrase(
    'fr',
    'update',
    String.raw`\bcet article a été (?:mis à jour|modifié|corrigé|actualisé|complété|rectifié)`,
  ),
  // Spanish
  label('es', 'correction', 'corrección|correccion|fe de erratas|rectificación|rectificacion'),
  label('es', 'clarification', 'aclaración|aclaracion'),
  label('es', 'update', 'actualización|actualizacion|actualizado'),
  label('es', 'editors-note', 'nota del editor|nota de la redacción|nota de la redaccion|nota del autor'),
  phrase(
    'es',
    'correction',
    String.raw`\buna (?:versión|version) (?:anterior|previa) de (?:este|esta) (?:artículo|articulo|nota|noticia|información|informacion)`,
  ),
  phrase(
    'es',
    'update',
    String.raw`\b(?:este artículo|este articulo|esta nota|esta noticia|esta información|esta informacion) (?:ha sido|fue) (?:actualizad[oa]|corregid[oa]|modificad[oa]|rectificad[oa])`,
  ),
];
