/** @jsxImportSource react */
import * as ForgeReact from '@forge/react';
import { Button, Text, useProductContext } from '@forge/react';
import { invoke } from '@forge/bridge';
import { useState } from 'react';

/** The sandbox's UI Kit app, with the real @forge/react: every commit is a `reconcile` of the whole tree. */
function App() {
  const context = useProductContext();
  const [clicks, setClicks] = useState(0);
  const [echo, setEcho] = useState('');
  return (
    <>
      <Text>UI Kit app on {context?.extension?.type ?? '…'}</Text>
      <Text>Clicked {clicks} times{echo ? `; resolver said ${echo}` : ''}</Text>
      <Button
        onClick={async () => {
          const result = (await invoke('echo', { clicks: clicks + 1 })) as { clicks?: number };
          setClicks(clicks + 1);
          setEcho(JSON.stringify(result));
        }}
      >
        Click me
      </Button>
    </>
  );
}

// @forge/react is CommonJS; in this "type": "module" package esbuild hands out its module.exports as the default.
const defaultExport = ForgeReact.default as unknown as { default?: typeof ForgeReact.default } & typeof ForgeReact.default;
const ForgeReconciler = defaultExport.default ?? defaultExport;

(window as unknown as Record<string, unknown>).__sandboxApp = { ready: Promise.resolve(true), kind: 'uikit' };
ForgeReconciler.render(<App />);
