/**
 * The document → file text: JSON indented by two spaces, with a trailing newline. `serializeChunks` yields the
 * same text in pieces so a page can build a Blob from a large history without one long blocking call.
 */
import type { ExportArticle, RedlineHistoryV1 } from './format';
import {
  ARTICLE_FIELDS,
  DOC_FIELDS,
  PARAGRAPH_FIELDS,
  RULE_FIELDS,
  VERSION_FIELDS,
  VISIT_FIELDS,
} from './format';

/*
 * JSON.stringify writes keys in insertion order, so every object is rebuilt in the documented field order first:
 * a document that came from a caller (or from JSON.parse) may hold its keys in any order.
 */
function canonicalArticle(a: ExportArticle): Record<string, unknown> {
  const pick = <T extends object>(o: T, fields: readonly (keyof T)[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    // An optional field left out stays out (JSON.stringify would drop an undefined value anyway).
    for (const f of fields) if (o[f] !== undefined) out[String(f)] = o[f];
    return out;
  };
  const article = pick(a, ARTICLE_FIELDS);
  article.versions = a.versions.map((v) => {
    const version = pick(v, VERSION_FIELDS);
    version.paragraphs = v.paragraphs.map((p) => pick(p, PARAGRAPH_FIELDS));
    return version;
  });
  article.visits = a.visits.map((v) => pick(v, VISIT_FIELDS));
  return article;
}

function header(doc: RedlineHistoryV1): string {
  const [format, version, ignoreRules, articles] = DOC_FIELDS;
  const rules =
    doc.ignoreRules && doc.ignoreRules.length > 0
      ? `  "${ignoreRules}": ${JSON.stringify(
          doc.ignoreRules.map((rule) => {
            const out: Record<string, unknown> = {};
            for (const field of RULE_FIELDS) out[field] = rule[field];
            return out;
          }),
          null,
          2,
        ).replace(/\n/g, '\n  ')},\n`
      : '';
  return `{\n  "${format}": ${JSON.stringify(doc.format)},\n  "${version}": ${JSON.stringify(doc.version)},\n${rules}  "${articles}": `;
}

/** One article as it appears inside the articles array: two levels of indentation deeper. */
function articleText(a: ExportArticle): string {
  // JSON escapes newlines inside strings, so every raw newline is a line break of the layout.
  return `    ${JSON.stringify(canonicalArticle(a), null, 2).replace(/\n/g, '\n    ')}`;
}

export interface ChunkOptions {
  /** Articles per yielded piece; bigger pieces mean fewer, longer steps. */
  articlesPerChunk?: number;
}

/** The file text in pieces; their concatenation equals `serialize(doc)`. */
export function* serializeChunks(
  doc: RedlineHistoryV1,
  options: ChunkOptions = {},
): Generator<string, void, undefined> {
  const perChunk = Math.max(1, Math.floor(options.articlesPerChunk ?? 200));
  if (doc.articles.length === 0) {
    yield `${header(doc)}[]\n}\n`;
    return;
  }
  let piece = `${header(doc)}[\n`;
  for (let i = 0; i < doc.articles.length; i++) {
    const article = doc.articles[i]!;
    piece += articleText(article);
    piece += i < doc.articles.length - 1 ? ',\n' : '\n';
    if ((i + 1) % perChunk === 0) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}  ]\n}\n`;
}

/** Lets the event loop run (a click, a repaint) between pieces. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `serializeChunks` with a pause between pieces: `new Blob(await Array.fromAsync(serializeAsync(doc)))` or a
 * for-await loop keeps the page responsive while a large history is written.
 */
export async function* serializeAsync(
  doc: RedlineHistoryV1,
  options: ChunkOptions & { pause?: () => Promise<void> } = {},
): AsyncGenerator<string, void, undefined> {
  const pause = options.pause ?? nextTask;
  for (const piece of serializeChunks(doc, options)) {
    yield piece;
    await pause();
  }
}

/** The whole file text at once; fine for one article or a modest history. */
export function serialize(doc: RedlineHistoryV1): string {
  return [...serializeChunks(doc, { articlesPerChunk: Number.MAX_SAFE_INTEGER })].join('');
}
