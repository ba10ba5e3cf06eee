import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text to the clipboard; falls back to a hidden textarea where the API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea route (e.g. clipboard permission denied)
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/** How long the "Link copied" confirmation stays. */
const CONFIRMATION_MS = 2500;

/**
 * Copies a link and shows a short confirmation (or the failure) for both copy buttons.
 * `copy` returns after the clipboard write, so tests can await the confirmation.
 */
export function useCopyLink(): { message: string | null; copy: (url: string) => Promise<void> } {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const copy = async (url: string) => {
    const ok = await copyText(url);
    setMessage(ok ? t('copy.done') : t('copy.failed'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), CONFIRMATION_MS);
  };
  return { message, copy };
}
