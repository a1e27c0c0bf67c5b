import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './ui/styles.css';
import { initI18n } from './i18n';
import { Startup } from './app/startup/Startup';
import { tellShellTheLanguage } from './platform/shellLanguage';

async function start() {
  tellShellTheLanguage(await initI18n());
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Startup />
    </StrictMode>,
  );
}

void start();
