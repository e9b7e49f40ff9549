import browser from 'webextension-polyfill';
void browser.devtools.panels.create('Forge Bridge', '/icon-16.png', '/extension/panel/panel.html');
