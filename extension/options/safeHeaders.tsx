import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SAFE_HEADERS, parseSafeHeaderList, readSafeHeaders, SAFE_HEADERS_KEY } from '../../src/settings/safeHeaders';
import { SettingForm, type SettingMessage } from './settingForm';

/** "Headers kept readable in exports": names added to the safe defaults; every other header's value is redacted. */
export function SafeHeaders() {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<SettingMessage>(null);
  useEffect(() => {
    void browser.storage.local.get(SAFE_HEADERS_KEY).then((got) => setInput(readSafeHeaders(got[SAFE_HEADERS_KEY]).filter((h) => !DEFAULT_SAFE_HEADERS.includes(h)).join(', ')));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const { added, refused } = parseSafeHeaderList(input);
    await browser.storage.local.set({ [SAFE_HEADERS_KEY]: added });
    setInput(added.join(', '));
    const saved = added.length ? `Saved: ${added.join(', ')} kept readable in exports.` : 'Saved: only the defaults are kept readable.';
    setMessage(refused.length ? { error: true, text: `${saved} Not added: ${refused.map((r) => r.reason).join(' ')}` } : { error: false, text: saved });
  };

  return (
    <section aria-labelledby="safe-headers-heading">
      <h2 id="safe-headers-heading">Headers kept readable in exports</h2>
      <p>A redacted export removes every header's value except these defaults: {DEFAULT_SAFE_HEADERS.join(', ')}. Add names your bug reports need (a trailing <code>*</code> covers a prefix). A name that contains a sensitive word (token, key, secret, session, signature…) stays redacted even if listed.</p>
      <SettingForm label="Also keep" value={input} onInput={setInput} onSubmit={save} button="Save" placeholder="x-my-request-id, x-ratelimit-*" messageId="safe-headers-message" message={message} size={50} testId="safe-headers" />
    </section>
  );
}
