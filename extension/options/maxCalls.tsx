import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LIMITS } from '../../src/protocol/limits';
import { MAX_CALLS_KEY, parseMaxCalls, readMaxCalls } from '../../src/settings/maxCalls';
import { SettingForm, type SettingMessage } from './settingForm';

/** "Calls kept per tab": the recorder's bound; beyond it the oldest calls are dropped and counted. */
export function MaxCalls() {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<SettingMessage>(null);
  useEffect(() => {
    void browser.storage.local.get(MAX_CALLS_KEY).then((got) => setInput(String(readMaxCalls(got[MAX_CALLS_KEY]))));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const result = parseMaxCalls(input);
    if (!result.ok) return setMessage({ error: true, text: result.reason });
    await browser.storage.local.set({ [MAX_CALLS_KEY]: result.value });
    setInput(String(result.value));
    setMessage({ error: false, text: `Saved: each tab keeps its ${result.value.toLocaleString()} most recent calls. Lowering it drops the oldest calls at once.` });
  };

  return (
    <section aria-labelledby="max-calls-heading">
      <h2 id="max-calls-heading">Calls kept per tab</h2>
      <p>Beyond this many calls in one tab, the oldest are dropped and the panel says how many. The default is {LIMITS.defaultMaxCallsPerTab.toLocaleString()}; memory per tab stays bounded by size as well.</p>
      <SettingForm label="Calls per tab" value={input} onInput={setInput} onSubmit={save} button="Save" inputMode="numeric" messageId="max-calls-message" message={message} testId="max-calls" />
    </section>
  );
}
