/** Pieces the feature and province panels share. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../i18n';
import { appStore } from '../state/store';
import type { Language } from '../state/types';

/** The panel's title and its close button (closing clears the selection, feature or province). */
export function PanelHeader({ titleId, title }: { titleId: string; title: string }) {
  const { t } = useTranslation();
  return (
    <header>
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="close" aria-label={t('panel.close')} onClick={() => appStore.getState().selectFeature(null)}>
        ×
      </button>
    </header>
  );
}

interface NameSet {
  vi?: string;
  zh?: string;
  zhUnverified?: boolean;
  pinyin?: string;
  en?: string;
  aliases?: string[];
}

/** Names in every script the data has, each marked with its language. */
export function NamesList({ names: n }: { names: NameSet }) {
  const { t } = useTranslation();
  return (
    <dl className="names">
      {n.vi && (<><dt lang="vi">Tiếng Việt</dt><dd lang="vi">{n.vi}</dd></>)}
      {n.zh && (<><dt lang="zh">中文</dt><dd lang="zh">{n.zh}{n.zhUnverified ? ` (${t('panel.zhUnverified')})` : ''}</dd></>)}
      {n.pinyin && (<><dt>{t('panel.pinyin')}</dt><dd>{n.pinyin}</dd></>)}
      {n.en && (<><dt>English</dt><dd>{n.en}</dd></>)}
      {n.aliases?.length ? (<><dt>{t('panel.aliases')}</dt><dd>{n.aliases.join('; ')}</dd></>) : null}
    </dl>
  );
}

/** A data text in the chosen language where translated, else English, with `lang` set to match. */
export function Localized({
  as: Tag = 'span',
  english,
  translations,
  language,
  className,
  testId,
  children,
}: {
  as?: 'span' | 'p' | 'div' | 'li' | 'strong';
  english: string;
  translations: { vi?: string; zh?: string } | undefined;
  language: Language;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const { text, lang } = inLanguage(english, translations, language);
  return (
    <Tag lang={lang} className={className} data-testid={testId}>
      {text}
      {children}
    </Tag>
  );
}

type Translated = { vi?: string; zh?: string };

/** An agreement's parties, each in the chosen language where translated (else English, lang="en"). */
export function Parties({ parties, translations, language, separator = ', ' }: { parties: string[]; translations?: Translated[]; language: Language; separator?: string }) {
  return (
    <span data-testid="agreement-parties">
      {parties.map((party, i) => (
        <span key={i}>
          {i > 0 ? separator : ''}
          <Localized english={party} translations={translations?.[i]} language={language} />
        </span>
      ))}
    </span>
  );
}

/** One event figure: its label and unit in the chosen language, the value in the language's digits. */
export function FigureText({ figure, language }: { figure: { label: string; labelTranslations?: Translated; value: number; unit: string; unitTranslations?: Translated }; language: Language }) {
  return (
    <>
      <Localized english={figure.label} translations={figure.labelTranslations} language={language} />
      {language === 'zh' ? '：' : ': '}
      {figure.value.toLocaleString(language)} <Localized english={figure.unit} translations={figure.unitTranslations} language={language} />
    </>
  );
}
