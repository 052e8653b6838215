/**
 * The demo news site behind `npm start`: two real articles from the seeds, each served at one URL in its
 * first version until the newsroom "publishes" the update (`/admin/publish`), as a real site would.
 *
 * - the BBC Aleppo article (test/fixtures/bbc-aleppo v1 → v2, a real edit about three hours apart);
 * - the seed 003 article, whose update fixes two typos and adds a line, the kind of quiet correction readers miss.
 */

import type { PageServer } from '../../test/browser/harness/page-server';
import {
  bbcPage,
  churnFrame,
  plainFrame,
  sectionPage,
  seedArticle003,
} from '../../test/fixtures/pages/fixture-pages';
import { escapeHtml, type NewsArticle, renderArticlePage } from '../../test/fixtures/pages/news-page';

export const BBC_PATH = '/news/world-middle-east-38275553';
export const SEED_PATH = '/news/world-middle-east-38276100';
export const PUBLISH_PATH = '/admin/publish';
export const RESET_PATH = '/admin/reset';

/** The seed 003 article after the newsroom's corrections. */
export function correctedSeedArticle(original: NewsArticle): NewsArticle {
  const fixes: [string, string][] = [
    ['still to be held by revels.', 'still to be held by rebels.'],
    ['has killed in IS leader in Syria', 'has killed an IS leader in Syria'],
  ];
  const paragraphs = original.paragraphs.map((p) =>
    fixes.reduce((text, [from, to]) => text.replace(from, to), p),
  );
  const at = paragraphs.findIndex((p) => p.startsWith('The footage and the allegations'));
  paragraphs.splice(
    at + 1,
    0,
    'The Syrian government has repeatedly denied using chemical weapons during the conflict.',
  );
  return { ...original, paragraphs };
}

function homePage(published: boolean): string {
  const base = sectionPage();
  const panel = `<div style="margin:16px 24px;padding:12px 16px;border:2px dashed #b80000;font:15px Arial,sans-serif">
  <strong>Redline demo.</strong> Read the two stories below, then
  <a href="${PUBLISH_PATH}">publish the newsroom's updates</a> and open them again.
  Now serving: <strong>${published ? 'updated versions' : 'first versions'}</strong>
  (<a href="${RESET_PATH}">back to the first versions</a>).
  <ul>
    <li><a href="${BBC_PATH}">Syria conflict: the Aleppo story (BBC)</a></li>
    <li><a href="${SEED_PATH}">${escapeHtml(seedArticle003().title)}</a></li>
  </ul></div>`;
  return base.replace('<div class="layout">', `${panel}<div class="layout">`);
}

/** Routes the demo site on `server`; returns a switch the headless run uses instead of the admin link. */
export function serveNewsSite(server: PageServer): { publish(on: boolean): void } {
  let published = false;
  const seed = seedArticle003();
  const corrected = correctedSeedArticle(seed);
  const redirect = (to: string) => () => ({
    status: 200,
    body: `<!doctype html><meta http-equiv="refresh" content="0;url=${to}"><a href="${to}">continue</a>`,
  });

  server.set('/', () => ({ status: 200, body: homePage(published) }));
  server.set(BBC_PATH, () => ({
    status: 200,
    body: published ? bbcPage(2, server.url(BBC_PATH), 'churn') : bbcPage(1, server.url(BBC_PATH)),
  }));
  server.set(SEED_PATH, () => ({
    status: 200,
    body: published
      ? renderArticlePage(corrected, { ...churnFrame(server.url(SEED_PATH)), site: 'Sky News' })
      : renderArticlePage(seed, { ...plainFrame(server.url(SEED_PATH)), site: 'Sky News' }),
  }));
  const set = (on: boolean) => () => {
    published = on;
    return redirect('/')();
  };
  server.set(PUBLISH_PATH, set(true));
  server.set(RESET_PATH, set(false));
  return {
    publish: (on) => {
      published = on;
    },
  };
}
