import { existsSync } from 'node:fs';

/**
 * Where Chromium, Google Chrome and Firefox live on Linux, macOS and Windows. The search is pure (the file system
 * and the environment are handed in), so it is unit-tested without the browsers; browserPath runs it on this machine.
 */

export type BrowserFamily = 'chromium' | 'firefox';

export interface FoundBrowser {
  path: string;
  /** Branded Google Chrome ignores --load-extension since 137: load through CDP Extensions.loadUnpacked. */
  branded: boolean;
  /** Where the path came from: an environment variable or the built-in list. */
  from: 'CHROME_PATH' | 'FIREFOX_PATH' | 'search';
}

export interface SearchHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
}

/** Flags that keep Chromium quiet on a closed network (toolchain.md). */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const isBrandedChrome = (path: string) => /google[- ]chrome|[\\/]chrome\.exe$|Google Chrome\.app/i.test(path) && !/chromium/i.test(path);

function inPath(host: SearchHost, names: string[]): string[] {
  const sep = host.platform === 'win32' ? ';' : ':';
  const dirs = (host.env.PATH ?? host.env.Path ?? '').split(sep).filter(Boolean);
  const slash = host.platform === 'win32' ? '\\' : '/';
  return dirs.flatMap((dir) => names.map((name) => `${dir.replace(/[\\/]$/, '')}${slash}${name}`));
}

function windowsDirs(host: SearchHost): string[] {
  return [host.env.LOCALAPPDATA, host.env.PROGRAMFILES, host.env['PROGRAMFILES(X86)'], host.env.ProgramFiles, host.env['ProgramFiles(x86)']].filter(
    (d): d is string => Boolean(d),
  );
}

/** Candidates in order of preference: Chromium first (it honours --load-extension), then Chrome. */
export function chromiumCandidates(host: SearchHost): string[] {
  switch (host.platform) {
    case 'darwin': {
      const home = host.env.HOME ?? '';
      return ['/Applications', `${home}/Applications`].flatMap((dir) => [
        `${dir}/Chromium.app/Contents/MacOS/Chromium`,
        `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
        `${dir}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
      ]);
    }
    case 'win32':
      return windowsDirs(host).flatMap((dir) => [`${dir}\\Chromium\\Application\\chrome.exe`, `${dir}\\Google\\Chrome\\Application\\chrome.exe`]);
    default:
      return [
        ...inPath(host, ['chromium', 'chromium-browser']),
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        ...inPath(host, ['google-chrome', 'google-chrome-stable']),
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
      ];
  }
}

export function firefoxCandidates(host: SearchHost): string[] {
  switch (host.platform) {
    case 'darwin':
      return ['/Applications/Firefox.app/Contents/MacOS/firefox', '/Applications/Firefox ESR.app/Contents/MacOS/firefox'];
    case 'win32':
      return windowsDirs(host).map((dir) => `${dir}\\Mozilla Firefox\\firefox.exe`);
    default:
      return [...inPath(host, ['firefox-esr', 'firefox']), '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  }
}

/** The browser to use, or null. An environment variable that names a missing file is an error, not a fallback. */
export function findBrowser(family: BrowserFamily, host: SearchHost): FoundBrowser | null {
  const variable = family === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
  const fromEnv = host.env[variable];
  if (fromEnv) {
    if (!host.exists(fromEnv)) throw new Error(`${variable} is set to ${fromEnv}, but there is no file there.`);
    return { path: fromEnv, branded: family === 'chromium' && isBrandedChrome(fromEnv), from: variable };
  }
  const candidates = family === 'chromium' ? chromiumCandidates(host) : firefoxCandidates(host);
  const path = candidates.find((p) => host.exists(p));
  return path ? { path, branded: family === 'chromium' && isBrandedChrome(path), from: 'search' } : null;
}

/** What to install, and how, when no browser was found. */
export function installHint(family: BrowserFamily, platform: NodeJS.Platform): string {
  const variable = family === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
  const name = family === 'chromium' ? 'Chromium or Google Chrome' : 'Firefox (ESR or release)';
  const how: Record<string, string> =
    family === 'chromium'
      ? {
          linux: 'Debian/Ubuntu: sudo apt-get install chromium   Fedora: sudo dnf install chromium   Arch: sudo pacman -S chromium',
          darwin: 'brew install --cask chromium   (or install Google Chrome from google.com/chrome)',
          win32: 'winget install Google.Chrome   (or install Chromium and point CHROME_PATH at its chrome.exe)',
        }
      : {
          linux: 'Debian/Ubuntu: sudo apt-get install firefox-esr   Fedora: sudo dnf install firefox',
          darwin: 'brew install --cask firefox',
          win32: 'winget install Mozilla.Firefox',
        };
  return `No ${name} found. Install one:\n  ${how[platform] ?? how.linux}\nor set ${variable} to the browser's executable.`;
}

/** Whether a window can be shown: Linux needs an X or Wayland display; CI never has one. */
export function hasDisplay(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  if (env.CI) return false;
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return true;
}

/** The executable to drive: the one named, else CHROME_PATH / FIREFOX_PATH or the first found; throws what to install when none. */
export function browserPath(family: BrowserFamily, named?: string): string {
  if (named) return named;
  const found = findBrowser(family, { platform: process.platform, env: process.env, exists: existsSync });
  if (!found) throw new Error(installHint(family, process.platform));
  return found.path;
}
