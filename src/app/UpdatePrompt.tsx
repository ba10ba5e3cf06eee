/**
 * Registers the service worker (offline after one visit) and, when a new version has been
 * deployed and downloaded, offers to reload. The notice is transient UI, not app state: it
 * lives here, not in the store or the URL.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const [update, setUpdate] = useState<null | (() => Promise<void>)>(null);
  useEffect(() => {
    // Only the production build has a service worker (vite-plugin-pwa is off in dev and tests in jsdom).
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return;
      const updateSW = registerSW({
        immediate: true,
        onNeedRefresh: () => setUpdate(() => () => updateSW(true)),
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!update) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('harden.updateReady')}</span>
      <button type="button" onClick={() => void update()}>
        {t('harden.updateReload')}
      </button>
    </div>
  );
}
