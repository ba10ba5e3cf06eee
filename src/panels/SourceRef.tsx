import type { AtlasData } from '../data/model';
import type { Source } from '../data/schema';

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A citation a reader can place without opening it: the publisher's short name and the year
 * ("VietnamPlus 2024"), rather than the registry id. The id stays in the tooltip and attribute.
 */
export function shortCitation(source: Source | undefined, id: string): string {
  if (!source) return id;
  const publisher = source.publisher.split(/\s[(–—]|[,;]/)[0].trim();
  const short = publisher.length > 28 ? `${publisher.slice(0, 26).trimEnd()}…` : publisher;
  return source.date ? `${short} ${source.date.slice(0, 4)}` : short;
}

/** Compact citation markers linking to each source. */
export function SourceRefs({ ids, data }: { ids: string[]; data: AtlasData }) {
  return (
    <span className="source-refs">
      {ids.map((id) => {
        const source = data.sources.get(id);
        const href = safeHref(source?.url);
        const title = source ? `${source.title} — ${source.publisher}${source.date ? `, ${source.date}` : ''} [${id}]` : `unknown source ${id}`;
        const label = shortCitation(source, id);
        return href ? (
          <a key={id} href={href} target="_blank" rel="noopener noreferrer" title={title} className="source-ref" data-source-id={id}>
            [{label}]
          </a>
        ) : (
          <span key={id} title={title} className="source-ref" data-source-id={id}>
            [{label}]
          </span>
        );
      })}
    </span>
  );
}

/** Full citation for the sources list. */
export function SourceItem({ id, data }: { id: string; data: AtlasData }) {
  const source = data.sources.get(id);
  if (!source) return <li>[{id}] (not in the sources registry)</li>;
  const href = safeHref(source.url);
  return (
    <li>
      <span className="source-id">[{id}]</span> {href ? <a href={href} target="_blank" rel="noopener noreferrer">{source.title}</a> : source.title}
      {' — '}
      {source.publisher}
      {source.date ? `, ${source.date}` : ''}
      {source.reliability === 'weak' ? ' (weak source)' : ''}
    </li>
  );
}
