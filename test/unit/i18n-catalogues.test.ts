/**
 * Every string a reader sees goes through the catalogues (issue 12, item 3). This test fails when a page or the
 * overlay hard-codes one, when a catalogue lacks a message another has, when a translation drops or invents a
 * `$n` substitution, and when the code asks for a message no catalogue holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../browser/harness/extension-dir';

type Catalogue = Record<string, { message: string }>;

const LANGUAGES = ['en', 'de', 'fr'] as const;
const catalogues = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(
      readFileSync(join(REPO_ROOT, 'extension/_locales', lang, 'messages.json'), 'utf8'),
    ) as Catalogue,
  ]),
) as Record<(typeof LANGUAGES)[number], Catalogue>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Where user-visible strings are written: the extension's pages, their shared parts, and the overlay. */
const UI_DIRS = ['src/popup', 'src/options', 'src/history', 'src/ui', 'src/content/overlay'];
/** Attributes a reader sees or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'placeholder',
  'alt',
  'label',
  'aria-description',
]);
const HAS_LETTER = /\p{L}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name))
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return null;
}

/** String literals an expression can evaluate to directly (through `?:`, `&&`, `||`, `??` and parentheses). */
function directLiterals(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return directLiterals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...directLiterals(node.whenTrue), ...directLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return directLiterals(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...directLiterals(node.left), ...directLiterals(node.right)];
    }
    if (op === ts.SyntaxKind.PlusToken) return [...directLiterals(node.left), ...directLiterals(node.right)];
  }
  return literalText(node) === null ? [] : [node];
}

interface HardCoded {
  file: string;
  line: number;
  text: string;
}

/** The user-visible strings written into `source` rather than taken from a catalogue. */
function hardCodedStrings(file: string, source: string): HardCoded[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: HardCoded[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!HAS_LETTER.test(text)) return;
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: text.trim(),
    });
  };
  const reportExpression = (expression: ts.Expression) => {
    for (const literal of directLiterals(expression)) report(literal, literalText(literal) ?? '');
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    // {'text'} or {cond ? 'a' : 'b'} among an element's children.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      reportExpression(node.expression);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) reportExpression(init.expression);
    }
    // DOM built by hand (the overlay): el.textContent = '…', el.title = '…', setAttribute('title', '…').
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      if (
        ts.isPropertyAccessExpression(target) &&
        ['textContent', 'innerText', 'title', 'placeholder', 'alt', 'ariaLabel'].includes(target.name.text)
      ) {
        reportExpression(node.right);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'setAttribute'
    ) {
      const [name, value] = node.arguments;
      if (name && value && VISIBLE_ATTRIBUTES.has(literalText(name) ?? '')) reportExpression(value);
    }
    // Generated CSS: `content: "Removed"` shows its text on the page.
    const text = literalText(node);
    if (text !== null) {
      for (const match of text.matchAll(/content:\s*"([^"]*)"/g)) report(node, match[1] ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const files = UI_DIRS.flatMap(sourceFiles);

describe('hard-coded strings', () => {
  it('the checker finds text, visible attributes, DOM text and CSS content written in code', () => {
    const tsx = `export const A = () => (
      <p title="Hover text">
        Some words {flag ? 'shown' : t('key')} {n}
        <input placeholder={'Type here'} aria-label={t('ok')} data-testid="free" class="free" />
      </p>
    );`;
    expect(hardCodedStrings('a.tsx', tsx).map((h) => h.text)).toEqual([
      'Hover text',
      'Some words',
      'shown',
      'Type here',
    ]);
    const dom = `el.textContent = 'Hide marks'; el.title = t('x'); el.setAttribute('aria-label', \`Change \${n}\`);
      el.setAttribute('data-kind', 'added'); const css = \`a::before { content: "Was: " !important; }\`;`;
    expect(hardCodedStrings('b.ts', dom).map((h) => h.text)).toEqual(['Hide marks', 'Change', 'Was:']);
  });

  it('no page, shared view or overlay file writes a user-visible string itself', () => {
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((file) =>
      hardCodedStrings(file, readFileSync(join(REPO_ROOT, file), 'utf8')),
    );
    expect(found.map((h) => `${h.file}:${h.line} ${JSON.stringify(h.text)}`)).toEqual([]);
  });
});

describe('catalogues', () => {
  const en = catalogues.en;
  const substitutions = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
  const base = (key: string) => key.replace(PLURAL, '');

  it('every language has every message of the English one, and nothing else but plural forms', () => {
    for (const lang of LANGUAGES) {
      const keys = Object.keys(catalogues[lang]);
      expect(
        Object.keys(en).filter((key) => !keys.includes(key) && !PLURAL.test(key)),
        lang,
      ).toEqual([]);
      for (const key of keys) {
        const known = key in en || (PLURAL.test(key) && `${base(key)}_other` in en);
        expect(known, `${lang}: ${key}`).toBe(true);
      }
      // A counted message always has the form every language falls back to.
      for (const key of keys.filter((k) => PLURAL.test(k))) {
        expect(`${base(key)}_other` in catalogues[lang], `${lang}: ${base(key)}_other`).toBe(true);
      }
    }
  });

  it('a translation fills in the same $n values as the English message', () => {
    for (const lang of LANGUAGES) {
      for (const [key, { message }] of Object.entries(catalogues[lang])) {
        if (!message.trim()) throw new Error(`${lang}: ${key} is empty`);
        const english = en[key] ?? en[`${base(key)}_other`];
        // The "one" form may spell the count out ("After a year"); every other value must be there.
        const expected = substitutions(english?.message ?? '').filter(
          (s) => !(PLURAL.test(key) && s === '$1'),
        );
        const own = substitutions(message).filter((s) => !(PLURAL.test(key) && s === '$1'));
        expect(own, `${lang}: ${key}`).toEqual(expected);
      }
    }
  });

  it('every message the code asks for exists, and every message is used', () => {
    const sources = [...new Set([...files, ...sourceFiles('src')])].map((file) =>
      readFileSync(join(REPO_ROOT, file), 'utf8'),
    );
    const literals = new Set(
      sources.flatMap((text) => [...text.matchAll(/'([A-Za-z0-9_@]+)'/g)].map((m) => m[1])),
    );
    const asked = sources.flatMap((text) => [...text.matchAll(/\btn?\('([A-Za-z0-9_]+)'/g)]);
    expect(asked.length).toBeGreaterThan(150);
    for (const match of asked) {
      const key = match[1] ?? '';
      const plural = match[0].startsWith('tn');
      expect(plural ? `${key}_other` in en : key in en, key).toBe(true);
    }
    const manifest = readFileSync(join(REPO_ROOT, 'extension/manifest.json'), 'utf8');
    const unused = Object.keys(en).filter(
      (key) => !literals.has(key) && !literals.has(base(key)) && !manifest.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
