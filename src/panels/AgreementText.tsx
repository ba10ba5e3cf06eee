import { useTranslation } from 'react-i18next';
import type { AtlasData } from '../data/model';
import type { Agreement } from '../data/schema';
import type { Language } from '../state/types';
import { Localized, Parties } from './PanelParts';
import { SourceRefs } from './SourceRef';
import { CheckMark } from './StateText';

/** An agreement's title, signing date and description, in the chosen language where translated. */
export function AgreementText({ agreement, language, parties = false }: { agreement: Agreement; language: Language; parties?: boolean }) {
  return (
    <>
      <Localized as="strong" english={agreement.title.en} translations={agreement.title} language={language} />{' '}
      {agreement.signed ? `(${agreement.signed})` : ''}
      {parties ? (
        <>
          {' — '}
          <Parties parties={agreement.parties} translations={agreement.partyTranslations} language={language} />.
        </>
      ) : (
        ' —'
      )}{' '}
      <Localized english={agreement.description} translations={agreement.descriptionTranslations} language={language} />
    </>
  );
}

/** The "Agreements" heading and list of a panel, each with its sources, or "None recorded". */
export function AgreementsSection({ agreements, data, language, parties = false }: { agreements: Agreement[]; data: AtlasData; language: Language; parties?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('panel.agreements')}</h3>
      {agreements.length ? (
        <ul className="agreements">
          {agreements.map((a) => (
            <li key={a.id}>
              <AgreementText agreement={a} language={language} parties={parties} />
              <CheckMark change={a} /> <SourceRefs ids={a.sourceIds} data={data} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('panel.none')}</p>
      )}
    </>
  );
}
