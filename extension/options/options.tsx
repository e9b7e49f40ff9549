import { render } from 'preact';
import '../../src/ui/panel.css';
import { CustomOrigins } from './customOrigins';
import { RecordInitiator } from './initiator';
import { MaxCalls } from './maxCalls';
import { SafeHeaders } from './safeHeaders';
import { TrustedJwks } from './trustedJwks';

function Settings() {
  return (
    <main class="empty settings" data-theme={matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'}>
      <h1>Forge Bridge DevTools settings</h1>
      <CustomOrigins />
      <TrustedJwks />
      <MaxCalls />
      <RecordInitiator />
      <SafeHeaders />
    </main>
  );
}

render(<Settings />, document.getElementById('app')!);
