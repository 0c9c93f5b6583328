import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { registerGridModules } from './grid/modules';

registerGridModules(import.meta.env.DEV);

// The browser host's address carries its token once; keep it out of the address bar and history
// (the page has it from its meta tag, and a cookie lets it reload).
if (new URLSearchParams(window.location.search).has('token')) {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
