/**
 * Whether this is the test build, fixed at compile time like src/content/contract.ts (scripts/build.ts defines
 * `__REDLINE_TEST_BUILD__`): the normal build's bundle has `false` inlined and no test hook a page could reach.
 */
declare const __REDLINE_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD: boolean =
  typeof __REDLINE_TEST_BUILD__ === 'boolean' ? __REDLINE_TEST_BUILD__ : false;
