// Entry point: mounts the app.
import { render } from 'preact';
import { App } from './ui/App.tsx';
import { startPwa } from './pwa/index.ts';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);
startPwa();
