import { useTranslation } from 'react-i18next';
import type { AtlasData } from '../data/model';
import { enumLabel } from '../i18n';
import { STATE_COLORS } from '../map/style';
import { checkMark, lastReportedYear, type StateAnswer } from '../data/planner-state';
import { useAppStore } from '../state/store';
import { SourceRefs } from './SourceRef';

/**
 * A planner state as the list and the panel say it: the state, then the detailed status with its
 * date and source, its scope, whether it is about the crossing pair, and a quiet mark when the
 * entry's fact has not been confirmed against its source.
 */
export function StateText({ answer, data }: { answer: StateAnswer; data: AtlasData | null }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const year = lastReportedYear(answer);
  return (
    <span className="state-text" data-testid="state-text" data-state={answer.state}>
      <span className="swatch round" style={{ background: STATE_COLORS[answer.state] }} aria-hidden="true" />
      <strong>{t(`answers.states.${answer.state}`)}</strong>
      {answer.state === 'no-recent-record' && year !== null ? ` (${t('answers.lastReported', { year })})` : ''}
      {answer.status && (
        <span className="state-detail">
          {' · '}
          {enumLabel(language, answer.status)} {t('answers.since', { date: answer.since })}
          {answer.reported && answer.reported !== answer.since && answer.state !== 'no-recent-record' ? ` · ${t('answers.reported', { date: answer.reported })}` : ''}
          {answer.scope && answer.scope !== 'all' ? ` · ${t(`answers.scope.${answer.scope}`)}` : ''}
        </span>
      )}
      {answer.pair && <span className="badge">{t('answers.pairEntry')}</span>}
      {answer.change && <CheckMark change={answer.change} />}
      {data && answer.sourceIds.length > 0 && (
        <>
          {' '}
          <SourceRefs ids={answer.sourceIds} data={data} />
        </>
      )}
    </span>
  );
}

/** A quiet mark beside a fact (status entry, event, agreement) not confirmed against its source; the tooltip says why. */
export function CheckMark({ change }: { change: Parameters<typeof checkMark>[0] }) {
  const { t } = useTranslation();
  const mark = checkMark(change);
  if (mark.checked) return null;
  const why = `${t(`answers.check.${mark.reason}`)}${mark.note ? `: ${mark.note}` : ''}`;
  return (
    <span className="check-mark" data-testid="check-mark" data-reason={mark.reason} title={why} aria-label={why} role="img" tabIndex={0}>
      {' '}○
    </span>
  );
}
