// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { documentAddress, watchAddress } from './url-watch';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  history.replaceState(null, '', '/');
});

function watch(win: Window = window): { changes: string[]; controller: AbortController } {
  const controller = new AbortController();
  controllers.push(controller);
  const changes: string[] = [];
  watchAddress(win, (address) => changes.push(address), controller.signal);
  return { changes, controller };
}

async function microtasks(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('documentAddress', () => {
  it('drops the fragment only', () => {
    expect(documentAddress('https://a.test/x?y=1#z')).toBe('https://a.test/x?y=1');
    expect(documentAddress('https://a.test/x')).toBe('https://a.test/x');
  });
});

describe('watchAddress', () => {
  it('notices pushState once the page changes the DOM', async () => {
    const { changes } = watch();
    history.pushState(null, '', '/article-2');
    document.body.append(document.createElement('article'));
    await microtasks();
    expect(changes).toEqual([`${location.origin}/article-2`]);
  });

  it('notices back/forward through popstate', () => {
    const { changes } = watch();
    history.pushState(null, '', '/article-3');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toEqual([`${location.origin}/article-3`]);
  });

  it('listens to the Navigation API where the browser has it', () => {
    const target = new EventTarget();
    const fakeWindow = Object.assign(Object.create(window) as Window, { navigation: target });
    Object.defineProperty(fakeWindow, 'location', { value: window.location });
    Object.defineProperty(fakeWindow, 'document', { value: document });
    Object.defineProperty(fakeWindow, 'addEventListener', { value: window.addEventListener.bind(window) });
    const { changes } = watch(fakeWindow);
    history.pushState(null, '', '/article-4');
    target.dispatchEvent(new Event('navigatesuccess'));
    expect(changes).toEqual([`${location.origin}/article-4`]);
  });

  it('ignores fragment changes and stops when aborted', async () => {
    const { changes, controller } = watch();
    history.pushState(null, '', '#comments');
    window.dispatchEvent(new PopStateEvent('popstate'));
    controller.abort();
    history.pushState(null, '', '/article-5');
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.body.append(document.createElement('div'));
    await microtasks();
    expect(changes).toEqual([]);
  });
});
