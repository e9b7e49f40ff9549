import browser from 'webextension-polyfill';
import { createFrameMapper } from '../../src/initiator/sourceMap';
import { readTrustedJwksUrls, TRUSTED_JWKS_KEY } from '../../src/settings/jwksUrl';
import { readSafeHeaders, SAFE_HEADERS_KEY } from '../../src/settings/safeHeaders';
import { fetchJwksJson } from '../../src/tokens';
import { browserFromUserAgent } from '../../src/trace';
import type { PanelEnvironment } from '../../src/ui/panelEnvironment';

function saveFile(name: string, _mime: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** DevTools says "dark" for its dark theme ("default" or "light" otherwise); a plain page follows the system. */
function theme(): 'light' | 'dark' {
  const name = browser.devtools?.panels?.themeName;
  if (name) return name === 'dark' ? 'dark' : 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Frame URLs the inspected page lists (top-level iframes), through DevTools; null outside DevTools. */
function pageFrameLister(): PanelEnvironment['listPageFrameUrls'] {
  const inspected = browser.devtools?.inspectedWindow;
  if (!inspected) return null;
  return async () => {
    const [result] = (await inspected.eval('Array.from(document.querySelectorAll("iframe"), (f) => f.src)')) as [unknown, unknown];
    return Array.isArray(result) ? result.filter((u): u is string => typeof u === 'string') : [];
  };
}

type OpenResource = (url: string, lineNumber: number, columnNumber?: number, callback?: () => void) => void;

/** Chrome's devtools.panels.openResource (0-based line and column); Firefox has none (bug 1575240). */
function resourceOpener(): PanelEnvironment['openResource'] {
  const panels = (globalThis as { chrome?: { devtools?: { panels?: { openResource?: OpenResource } } } }).chrome?.devtools?.panels;
  const open = panels?.openResource;
  if (typeof open !== 'function') return null;
  return (url, line, column) =>
    new Promise((resolve) => {
      try {
        open.call(panels, url, Math.max(0, line - 1), Math.max(0, column - 1), () => resolve(true));
        setTimeout(() => resolve(false), 5000);
      } catch {
        resolve(false);
      }
    });
}

interface DevtoolsResource {
  url: string;
  getContent(callback: (content: string | null, encoding: string) => void): void;
}

/**
 * Original places of initiator frames, from the resources DevTools holds for the inspected page
 * (chrome.devtools.inspectedWindow.getResources → getContent: the page's scripts, and their maps when
 * DevTools loaded them): never a request to a URL the page chose. Firefox has no getResources: null there.
 */
function frameMapper(): PanelEnvironment['originalPlace'] {
  const inspected = (globalThis as { chrome?: { devtools?: { inspectedWindow?: { getResources?: (cb: (resources: DevtoolsResource[]) => void) => void } } } }).chrome?.devtools?.inspectedWindow;
  const getResources = inspected?.getResources;
  if (typeof getResources !== 'function') return null;
  const contentOf = (url: string) =>
    new Promise<string | null>((resolve) => {
      try {
        getResources.call(inspected, (resources) => {
          const resource = resources.find((r) => r.url === url);
          if (!resource) return resolve(null);
          resource.getContent((content, encoding) => resolve(typeof content === 'string' && encoding !== 'base64' ? content : null));
        });
      } catch {
        resolve(null);
      }
    });
  return createFrameMapper(contentOf);
}

/** The panel's environment in an extension page (DevTools panel, panel as a tab, or the viewer). */
export function extensionEnvironment(options: { viewer: boolean }): PanelEnvironment {
  const manifest = browser.runtime.getManifest();
  return {
    extensionVersion: manifest.version,
    browser: browserFromUserAgent(navigator.userAgent),
    theme: theme(),
    // Only key sets the verifier chose (Atlassian's by environment, or ones trusted in settings) are fetched.
    fetchJwks: (url) => fetchJwksJson(url),
    trustedJwksUrls: async () => readTrustedJwksUrls((await browser.storage.local.get(TRUSTED_JWKS_KEY))[TRUSTED_JWKS_KEY]),
    safeHeaders: async () => readSafeHeaders((await browser.storage.local.get(SAFE_HEADERS_KEY))[SAFE_HEADERS_KEY]),
    coveredOrigins: async () => {
      const fixed = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
      const { origins = [] } = await browser.permissions.getAll();
      return [...new Set([...fixed, ...origins])];
    },
    listPageFrameUrls: options.viewer ? null : pageFrameLister(),
    openSettings: () => void browser.runtime.openOptionsPage(),
    openViewer: options.viewer ? null : () => void browser.tabs.create({ url: browser.runtime.getURL('extension/viewer/viewer.html') }),
    saveFile,
    now: () => Date.now(),
    openResource: options.viewer ? null : resourceOpener(),
    originalPlace: options.viewer ? null : frameMapper(),
  };
}
