/**
 * Which page contract this build keeps, fixed at compile time (`scripts/build.ts` defines
 * `__REDLINE_TEST_BUILD__` through Vite's `define`), so the normal build has no code path a page could switch on.
 *
 * - Normal build (`npm run build`, dist/): nothing is written to a page where nothing changed or that was
 *   skipped, and text the page did not serve in this load lives in closed shadow roots.
 * - Test build (`npm run build:test`, dist-test/): `<html data-redline-status>` on every evaluated page, old
 *   text in light-DOM `[data-redline-old]` elements and the control bar's shadow root open, for browser tests.
 */
declare const __REDLINE_TEST_BUILD__: boolean | undefined;

// `typeof` first: a bundle or test run that never defined the constant is the normal, private build.
export const READABLE_CONTRACT: boolean =
  typeof __REDLINE_TEST_BUILD__ === 'boolean' ? __REDLINE_TEST_BUILD__ : false;
