import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseJwksUrl, readTrustedJwksUrls, TRUSTED_JWKS_KEY } from '../../src/settings/jwksUrl';
import { RemovableList, SettingForm, type SettingMessage } from './settingForm';

/**
 * JWKS URLs the panel may use, beside Atlassian's own, to verify token signatures. The panel never fetches
 * a key URL a token or a page names; only these and the production/staging ones.
 */
export function TrustedJwks() {
  const [urls, setUrls] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<SettingMessage>(null);

  const refresh = async () => setUrls(readTrustedJwksUrls((await browser.storage.local.get(TRUSTED_JWKS_KEY))[TRUSTED_JWKS_KEY]));
  useEffect(() => void refresh(), []);

  const save = (next: string[]) => browser.storage.local.set({ [TRUSTED_JWKS_KEY]: next });

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseJwksUrl(input);
    if (!parsed.ok) return setMessage({ error: true, text: parsed.reason });
    // The panel fetches the keys itself: it needs host access to that origin (asked in this click's gesture).
    const allowed = (await browser.permissions.contains({ origins: [parsed.pattern] })) || (await browser.permissions.request({ origins: [parsed.pattern] }));
    if (!allowed) return setMessage({ error: true, text: `Access to ${parsed.origin} was not granted, so its keys cannot be fetched.` });
    await save([...urls.filter((u) => u !== parsed.url), parsed.url]);
    setInput('');
    setMessage({ error: false, text: `Tokens will also be checked against ${parsed.url}.` });
    await refresh();
  };

  const remove = async (url: string) => {
    await save(urls.filter((u) => u !== url));
    setMessage({ error: false, text: `Removed ${url}.` });
    await refresh();
  };

  return (
    <section aria-labelledby="jwks-heading">
      <h2 id="jwks-heading">Trusted JWKS URLs</h2>
      <p>
        Token signatures are checked against Atlassian's production and staging keys, chosen from the token's own
        environment. Add a key set you trust for other environments (the bundled sandbox's, for example).
      </p>
      <SettingForm label="JWKS URL" value={input} onInput={setInput} onSubmit={add} button="Trust" placeholder="http://localhost:8000/.well-known/jwks.json" messageId="jwks-message" message={message} size={50} />
      <RemovableList label="Trusted JWKS URLs" items={urls} onRemove={(u) => void remove(u)} empty="None besides Atlassian's." />
    </section>
  );
}
