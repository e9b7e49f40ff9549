import { view } from '@forge/bridge';

/**
 * A Forge frame that embeds another Forge frame (Forge-in-Forge). The inner frame's bridge talks to the
 * product page directly (?bridgeHost=top); its document.referrer is this frame, its parent.
 */
const params = new URLSearchParams(location.search);
void view.getContext();

document.addEventListener('DOMContentLoaded', () => {
  const inner = new URL(location.href.replace('/nested/', '/main/'));
  inner.searchParams.set('bridgeHost', 'top');
  inner.searchParams.set('localId', `${params.get('localId') ?? ''}/inner`);
  const iframe = document.createElement('iframe');
  iframe.title = 'Inner Forge frame';
  iframe.src = inner.href;
  iframe.style.cssText = 'width:100%;height:110px;border:1px dashed #8590a2';
  document.body.append(iframe);
});
