import { describe, expect, it } from 'vitest';
import { findBrowser, hasDisplay, installHint, type SearchHost } from '../../../scripts/lib/browsers';

const host = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): SearchHost => ({
  platform,
  env,
  exists: (p) => files.includes(p),
});

describe('findBrowser', () => {
  it('prefers Chromium on the PATH on Linux and says it is not branded', () => {
    const found = findBrowser('chromium', host('linux', ['/opt/bin/chromium', '/usr/bin/google-chrome'], { PATH: '/opt/bin:/usr/bin' }));
    expect(found).toEqual({ path: '/opt/bin/chromium', branded: false, from: 'search' });
  });

  it('falls back to Google Chrome and marks it branded (it ignores --load-extension)', () => {
    expect(findBrowser('chromium', host('linux', ['/usr/bin/google-chrome-stable'], { PATH: '/usr/bin' }))).toMatchObject({
      path: '/usr/bin/google-chrome-stable',
      branded: true,
    });
    expect(findBrowser('chromium', host('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { HOME: '/Users/a' }))?.branded).toBe(true);
    const win = findBrowser('chromium', host('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], { PROGRAMFILES: 'C:\\Program Files' }));
    expect(win).toMatchObject({ path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', branded: true });
  });

  it('finds Chromium in the user Applications folder on macOS', () => {
    const path = '/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser('chromium', host('darwin', [path], { HOME: '/Users/a' }))).toEqual({ path, branded: false, from: 'search' });
  });

  it('uses CHROME_PATH / FIREFOX_PATH first, and refuses one that names no file', () => {
    expect(findBrowser('chromium', host('linux', ['/x/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/x/chrome' }))).toEqual({ path: '/x/chrome', branded: false, from: 'CHROME_PATH' });
    expect(() => findBrowser('firefox', host('linux', [], { FIREFOX_PATH: '/nope/firefox' }))).toThrow(/FIREFOX_PATH is set to \/nope\/firefox/);
  });

  it('finds Firefox ESR before Firefox on Linux, and returns null when there is none', () => {
    expect(findBrowser('firefox', host('linux', ['/usr/bin/firefox', '/usr/bin/firefox-esr'], {}))?.path).toBe('/usr/bin/firefox-esr');
    expect(findBrowser('firefox', host('win32', [], { PROGRAMFILES: 'C:\\Program Files' }))).toBeNull();
  });
});

describe('installHint and hasDisplay', () => {
  it('names the package and the variable for each platform', () => {
    expect(installHint('chromium', 'linux')).toMatch(/apt-get install chromium[\s\S]*CHROME_PATH/);
    expect(installHint('firefox', 'darwin')).toMatch(/brew install --cask firefox[\s\S]*FIREFOX_PATH/);
  });

  it('needs DISPLAY or WAYLAND_DISPLAY on Linux, never in CI', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('darwin', { CI: 'true' })).toBe(false);
  });
});
