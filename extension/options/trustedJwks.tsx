import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseJwksUrl, readTrustedJwksUrls, TRUSTED_JWKS_KEY } from '../../src/settings/jwksUrl';

/**
 * JWKS URLs the panel may use, beside Atlassian's own, to verify token signatures. The panel never fetches
 * a key URL a token or a page names; only these and the production/staging ones.
 */
export function TrustedJwks() {
  const [urls, setUrls] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

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
      <form onSubmit={add}>
        <label>
          JWKS URL{' '}
          <input value={input} onInput={(e) => setInput((e.target as HTMLInputElement).value)} placeholder="http://localhost:8000/.well-known/jwks.json" aria-describedby="jwks-message" size={50} />
        </label>{' '}
        <button type="submit">Trust</button>
      </form>
      {message && <p id="jwks-message" role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : ''}>{message.text}</p>}
      {urls.length > 0 ? (
        <ul aria-label="Trusted JWKS URLs">
          {urls.map((u) => (
            <li key={u}><code>{u}</code> <button type="button" onClick={() => void remove(u)}>Remove</button></li>
          ))}
        </ul>
      ) : (
        <p>None besides Atlassian's.</p>
      )}
    </section>
  );
}
