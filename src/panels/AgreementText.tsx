import { inLanguage } from '../i18n';
import type { Agreement } from '../data/schema';
import type { Language } from '../state/types';

/** An agreement's title, signing date and description, in the chosen language where translated. */
export function AgreementText({ agreement, language, parties = false }: { agreement: Agreement; language: Language; parties?: boolean }) {
  const title = language !== 'en' && agreement.title[language] ? { text: agreement.title[language]!, lang: language } : { text: agreement.title.en, lang: 'en' };
  const description = inLanguage(agreement.description, agreement.descriptionTranslations, language);
  return (
    <>
      <strong lang={title.lang}>{title.text}</strong> {agreement.signed ? `(${agreement.signed})` : ''}
      {parties ? ` — ${agreement.parties.join(', ')}.` : ' —'} <span lang={description.lang}>{description.text}</span>
    </>
  );
}
