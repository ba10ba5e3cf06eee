import { useTranslation } from 'react-i18next';
import { linkProblemText, loadProblemText, summariseProblems } from '../lib/problems';
import { useAppStore } from '../state/store';

/**
 * Every problem the user should know about, in plain words: data files, the link, the map. A
 * hostile link can carry thousands of bad values, so the banner shows a few distinct lines, each
 * cut to a readable length, says how many more there are, and never grows past a fifth of the
 * screen (styles.css).
 */
export function ErrorBanner() {
  const { t } = useTranslation();
  const dataProblems = useAppStore((s) => s.dataProblems);
  const linkProblems = useAppStore((s) => s.linkProblems);
  const mapNotices = useAppStore((s) => s.mapNotices);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const mapStatus = useAppStore((s) => s.mapStatus);
  const dismiss = useAppStore((s) => s.dismissProblems);
  const lines = [
    ...(loadStatus.kind === 'failed' ? [loadStatus.message] : []),
    ...(mapStatus.kind === 'failed' ? [mapStatus.message] : []),
    ...dataProblems.map((p) => loadProblemText(p, t)),
    ...linkProblems.map((p) => t('harden2.link.prefix', { text: linkProblemText(p, t) })),
    ...mapNotices,
  ];
  if (lines.length === 0) return null;
  const { shown, hidden } = summariseProblems(lines);
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{t('errors.title')}</strong>
      <ul>
        {shown.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {hidden > 0 && <li data-testid="error-banner-more">{t('harden.moreProblems', { count: hidden })}</li>}
      </ul>
      {(linkProblems.length > 0 || mapNotices.length > 0) && (
        <button type="button" onClick={dismiss}>
          {t('errors.dismiss')}
        </button>
      )}
    </div>
  );
}
