import type { AtlasData } from '../data/model';

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

/** Compact citation markers [1][2] linking to each source. */
export function SourceRefs({ ids, data }: { ids: string[]; data: AtlasData }) {
  return (
    <span className="source-refs">
      {ids.map((id) => {
        const source = data.sources.get(id);
        const href = safeHref(source?.url);
        const title = source ? `${source.title} — ${source.publisher}${source.date ? `, ${source.date}` : ''}` : `unknown source ${id}`;
        return href ? (
          <a key={id} href={href} target="_blank" rel="noopener noreferrer" title={title} className="source-ref">
            [{id}]
          </a>
        ) : (
          <span key={id} title={title} className="source-ref">
            [{id}]
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
