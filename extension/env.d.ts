/** Set by scripts/build.mjs. */
declare const __FBDT_BROWSER__: 'chrome' | 'firefox';
/** True only in test builds (FBDT_TEST=1, written to dist/<browser>-test): never in a package. */
declare const __FBDT_TEST_BUILD__: boolean;
