import { render } from 'preact';
render(<p>Forge Bridge</p>, document.getElementById('app')!);
