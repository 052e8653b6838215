/**
 * `page.waitForFunction`, by polling `page.evaluate`: puppeteer's wait builds its predicate with `Function()` in
 * the page, which a CSP without 'unsafe-eval' blocks in Firefox 140 ESR ("call to Function() blocked by CSP").
 * The extension's own pages have such a CSP, and so do the acceptance pages; a function handed to `evaluate` is
 * not subject to it. Resolves with the predicate's first truthy value.
 */
import type { Frame, Page } from 'puppeteer-core';

export interface WaitOptions {
  /** Milliseconds; puppeteer's default. */
  timeout?: number;
  /** Milliseconds between two polls. */
  polling?: number;
}

export async function waitFor<A extends unknown[], T>(
  page: Page | Frame,
  predicate: (...args: A) => T,
  options: WaitOptions = {},
  ...args: A
): Promise<T> {
  const { timeout = 30_000, polling = 100 } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const evaluate = page.evaluate as unknown as (fn: (...a: A) => T, ...a: A) => Promise<T>;
      const value = await evaluate.call(page, predicate, ...args);
      if (value) return value;
      lastError = null;
    } catch (error) {
      // A navigation in progress destroys the context evaluated in: the next poll finds the new document.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeout} ms for ${predicate.toString().slice(0, 200)}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}
