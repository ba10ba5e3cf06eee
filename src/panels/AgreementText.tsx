import type { Agreement } from '../data/schema';
import type { Language } from '../state/types';
import { Localized } from './PanelParts';

/** An agreement's title, signing date and description, in the chosen language where translated. */
export function AgreementText({ agreement, language, parties = false }: { agreement: Agreement; language: Language; parties?: boolean }) {
  return (
    <>
      <Localized as="strong" english={agreement.title.en} translations={agreement.title} language={language} />{' '}
      {agreement.signed ? `(${agreement.signed})` : ''}
      {parties ? ` — ${agreement.parties.join(', ')}.` : ' —'}{' '}
      <Localized english={agreement.description} translations={agreement.descriptionTranslations} language={language} />
    </>
  );
}
