import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import { makeTableScrollFocusable } from './components/scrollFocus';
import './styles.css';

const root = document.getElementById('root')!;
makeTableScrollFocusable(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
