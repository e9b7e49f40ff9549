import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readRecordInitiator, RECORD_INITIATOR_KEY } from '../../src/settings/initiator';

/** "Record call sites": the Initiator column (off by default: a stack per call costs the page more than 10 µs). */
export function RecordInitiator() {
  const [on, setOn] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void browser.storage.local.get(RECORD_INITIATOR_KEY).then((got) => setOn(readRecordInitiator(got[RECORD_INITIATOR_KEY])));
  }, []);

  const change = async (value: boolean) => {
    await browser.storage.local.set({ [RECORD_INITIATOR_KEY]: value });
    setOn(value);
    setSaved(value ? 'Saved: calls made from now on record their call site.' : 'Saved: call sites are no longer recorded.');
  };

  return (
    <section aria-labelledby="initiator-heading">
      <h2 id="initiator-heading">Record call sites</h2>
      <p>
        The Initiator column shows where the app made each call (a short stack, opened in Sources). Capturing it costs the page a stack per call, about
        10 to 20 µs, so it is off by default.
      </p>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => void change((e.target as HTMLInputElement).checked)} data-testid="record-initiator" aria-describedby="initiator-message" /> Record each call's call site
      </label>
      {saved && <p id="initiator-message" role="status">{saved}</p>}
    </section>
  );
}
