import browser from 'webextension-polyfill';

// The devtools page only registers the panel; the panel itself talks to the recorder.
void browser.devtools.panels.create('Forge Bridge', '/icon-16.png', '/extension/panel/panel.html');
