/**
 * UI strings through i18next (place names stay in the data). English is bundled (it is also every
 * key's fallback); Vietnamese and Chinese are chunks of their own, loaded when chosen — before the
 * first render when a link asks for them (see `loadLanguage` in main.tsx). Missing keys are
 * reported in development.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  saveMissing: import.meta.env?.DEV ?? false,
  missingKeyHandler: (_lngs, _ns, key) => console.warn(`[i18n] missing key: ${key}`),
  initAsync: false,
});

const LOCALE_CHUNKS: Record<'vi' | 'zh', () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('./locales/vi.json'),
  zh: () => import('./locales/zh.json'),
};

/** Fetches a language's strings once (English is always there). Resolves when `t()` can use them. */
export async function loadLanguage(language: 'en' | 'vi' | 'zh'): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  const strings = (await LOCALE_CHUNKS[language]()).default;
  i18n.addResourceBundle(language, 'translation', strings, true, true);
}

/** Labels for enum values (statuses, classes, modes, kinds, precision) per language. */
export const ENUM_LABELS: Record<'en' | 'vi' | 'zh', Record<string, string>> = {
  en: {
    operating: 'Operating', restored: 'Restored', upgrading: 'Upgrading', planned: 'Planned', 'under-construction': 'Under construction',
    suspended: 'Suspended', 'not-resumed': 'Not resumed', closed: 'Closed', unknown: 'Unknown',
    international: 'International', main: 'Main (bilateral)', secondary: 'Secondary', 'clearance-route': 'Clearance route', 'crossing-point': 'Crossing point',
    road: 'Road', rail: 'Rail', river: 'River', pedestrian: 'Pedestrian',
    gate: 'Border gate', opening: 'Opening (lối mở)', market: 'Border market', commune: 'Paired place', post: 'Border post',
    gates: 'Border gates', openings: 'Openings', markets: 'Border markets', communes: 'Paired places', posts: 'Border posts',
    surveyed: 'Surveyed', source: 'From source', 'estimated-commune': 'Estimated (commune)', 'estimated-district': 'Estimated (district)',
    VN: 'Vietnam', CN: 'China',
    // Event kinds carry a prefix: 'opening' is also a feature kind with another label.
    'event:talks': 'Talks', 'event:conference': 'Conference', 'event:working-group': 'Working group', 'event:patrol': 'Joint patrol', 'event:opening': 'Opening', 'event:reopening': 'Re-opening', 'event:suspension': 'Suspension', 'event:upgrade': 'Upgrade', 'event:agreement': 'Agreement', 'event:construction': 'Construction', 'event:trade-figure': 'Trade figures', 'event:trade-fair': 'Trade fair', 'event:visit': 'Visit', 'event:handover': 'Handover', 'event:exchange': 'Exchange', 'event:planning': 'Planning', 'event:other': 'Other',
  },
  vi: {
    operating: 'Đang hoạt động', restored: 'Đã khôi phục', upgrading: 'Đang nâng cấp', planned: 'Quy hoạch', 'under-construction': 'Đang xây dựng',
    suspended: 'Tạm dừng', 'not-resumed': 'Chưa khôi phục', closed: 'Đóng', unknown: 'Chưa rõ',
    international: 'Quốc tế', main: 'Chính (song phương)', secondary: 'Phụ', 'clearance-route': 'Lối thông quan', 'crossing-point': 'Điểm thông quan',
    road: 'Đường bộ', rail: 'Đường sắt', river: 'Đường sông', pedestrian: 'Đi bộ',
    gate: 'Cửa khẩu', opening: 'Lối mở', market: 'Chợ biên giới', commune: 'Địa phương kết nghĩa', post: 'Đồn biên phòng',
    gates: 'Cửa khẩu', openings: 'Lối mở', markets: 'Chợ biên giới', communes: 'Địa phương kết nghĩa', posts: 'Đồn biên phòng',
    surveyed: 'Đo đạc', source: 'Theo nguồn', 'estimated-commune': 'Ước tính (xã)', 'estimated-district': 'Ước tính (huyện)',
    VN: 'Việt Nam', CN: 'Trung Quốc',
    'event:talks': 'Hội đàm', 'event:conference': 'Hội nghị', 'event:working-group': 'Nhóm công tác', 'event:patrol': 'Tuần tra chung', 'event:opening': 'Mở cửa', 'event:reopening': 'Mở lại', 'event:suspension': 'Tạm dừng', 'event:upgrade': 'Nâng cấp', 'event:agreement': 'Thỏa thuận', 'event:construction': 'Xây dựng', 'event:trade-figure': 'Số liệu thương mại', 'event:trade-fair': 'Hội chợ', 'event:visit': 'Chuyến thăm', 'event:handover': 'Bàn giao', 'event:exchange': 'Giao lưu', 'event:planning': 'Quy hoạch', 'event:other': 'Khác',
  },
  zh: {
    operating: '运营中', restored: '已恢复', upgrading: '升级中', planned: '规划中', 'under-construction': '在建',
    suspended: '暂停', 'not-resumed': '未恢复', closed: '关闭', unknown: '未知',
    international: '国际口岸', main: '双边口岸', secondary: '辅助口岸', 'clearance-route': '通关通道', 'crossing-point': '通关点',
    road: '公路', rail: '铁路', river: '水路', pedestrian: '步行',
    gate: '口岸', opening: '通道', market: '边民互市点', commune: '结好地方', post: '边防站',
    gates: '口岸', openings: '通道', markets: '边民互市点', communes: '结好地方', posts: '边防站',
    surveyed: '实测', source: '来源', 'estimated-commune': '估计（乡镇）', 'estimated-district': '估计（县）',
    VN: '越南', CN: '中国',
    'event:talks': '会谈', 'event:conference': '会议', 'event:working-group': '工作组', 'event:patrol': '联合巡逻', 'event:opening': '开放', 'event:reopening': '恢复开放', 'event:suspension': '暂停', 'event:upgrade': '升级', 'event:agreement': '协议', 'event:construction': '建设', 'event:trade-figure': '贸易数据', 'event:trade-fair': '交易会', 'event:visit': '访问', 'event:handover': '移交', 'event:exchange': '交流', 'event:planning': '规划', 'event:other': '其他',
  },
};

/**
 * A data text in the chosen language where the data has a translation, else the English
 * reference; `lang` says which it is, for the element's lang attribute.
 */
export function inLanguage(
  english: string,
  translations: { vi?: string; zh?: string } | undefined,
  language: 'en' | 'vi' | 'zh',
): { text: string; lang: 'en' | 'vi' | 'zh' } {
  const translated = language === 'en' ? undefined : translations?.[language];
  return translated ? { text: translated, lang: language } : { text: english, lang: 'en' };
}

/** The label of an event kind ('talks', 'trade-figure'…) in the chosen language. */
export function eventKindLabel(language: 'en' | 'vi' | 'zh', kind: string): string {
  return ENUM_LABELS[language][`event:${kind}`] ?? kind;
}

export function enumLabel(language: 'en' | 'vi' | 'zh', value: string): string {
  return ENUM_LABELS[language][value] ?? value;
}

type Language = 'en' | 'vi' | 'zh';

/** The part of the app store the language binding needs (no import of the store: i18n stays a leaf). */
interface LanguageSource {
  getState(): { language: Language };
  subscribe(selector: (state: { language: Language }) => Language, listener: (language: Language) => void, options: { fireImmediately: boolean }): () => void;
}

/**
 * The store holds the language; i18next follows it — synchronously, in the same store update, when
 * the language's strings are loaded (always, for a link's language: main.tsx loads it before the
 * first render), else as soon as its chunk arrives (the UI stays in the previous language for
 * that moment, never a mix). Also sets the document's lang attribute. Returns the unsubscribe function.
 */
export function followStoreLanguage(store: LanguageSource): () => void {
  const apply = (language: Language) => {
    if (store.getState().language !== language) return; // chosen again meanwhile
    if (i18n.language !== language) void i18n.changeLanguage(language);
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  };
  return store.subscribe(
    (s) => s.language,
    (language) => {
      if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) apply(language);
      else void loadLanguage(language).then(() => apply(language), (error: unknown) => console.error(`[i18n] could not load ${language}`, error));
    },
    { fireImmediately: true },
  );
}
