/**
 * zod schemas for every data file in public/geo. They are the single source of truth:
 * TypeScript types are inferred from them, the loaders parse with them, the CI validator
 * runs them, and scripts/export-json-schema.ts turns them into JSON Schema for editors.
 */
import { z } from 'zod';

// zod 4 probes `new Function('')` to decide whether to compile validators; a strict
// Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation. Jitless parsing
// is fast enough for our files and never evaluates code.
z.config({ jitless: true });

/** Stable ids: lower-case kebab words, e.g. `lao-cai-hekou-vn`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case (a-z, 0-9, "-")');

/**
 * A date as precise as the source gives it: a year, a month or a day. Sources often give
 * only "2014" or "March 2023"; we never pad such a date into a fake day.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');
/** A full calendar day, YYYY-MM-DD. */
export const IsoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are YYYY-MM-DD');

export const SourceIds = z.array(Id).min(1, 'every fact cites at least one source');

/** Names of one place in every script we know it in. At least one of vi/zh/en is required. */
export const Names = z
  .object({
    vi: z.string().min(1).optional(),
    zh: z.string().min(1).optional(),
    pinyin: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
    /** Other spellings met in sources (Sino-Vietnamese forms, old names, typos in translations). */
    aliases: z.array(z.string().min(1)).optional(),
    /** True where the Chinese characters are an editor's rendering not yet seen in a source. */
    zhUnverified: z.boolean().optional(),
  })
  .strict()
  .refine((n) => Boolean(n.vi ?? n.zh ?? n.en), { message: 'a place needs at least a vi, zh or en name' });

export const Country = z.enum(['VN', 'CN']);

export const GateStatus = z.enum([
  'planned',
  'under-construction',
  'operating',
  'restored',
  'upgrading',
  'suspended',
  'not-resumed',
  'closed',
]);

export const GateClass = z.enum([
  'international',
  'main',
  'secondary',
  'clearance-route',
  'crossing-point',
]);

export const CrossingMode = z.enum(['road', 'rail', 'river', 'pedestrian']);

export const LocationPrecision = z.enum(['surveyed', 'source', 'estimated-commune', 'estimated-district']);

/**
 * Where a point came from. Surveyed and source points cite the source that prints them.
 * Estimated points name the anchor they were derived from (a commune or town centre a source
 * gives a position for) and the rule that placed them; scripts/place-estimates.ts recomputes them.
 */
export const Location = z
  .object({
    precision: LocationPrecision,
    /** How the point was obtained, in words a reviewer can check. */
    method: z.string().min(10),
    /** The method in Vietnamese and Chinese (data-src/translations/methods-*.json, merged by sentence). */
    methodTranslations: z.object({ vi: z.string().min(2).optional(), zh: z.string().min(2).optional() }).strict().optional(),
    sourceIds: z.array(Id),
    /** For estimates: the sourced position the estimate starts from. */
    anchor: z
      .object({
        name: z.string().min(1),
        lng: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        sourceIds: SourceIds,
      })
      .strict()
      .optional(),
    /**
     * Why the two sides of a crossing are drawn more than 5 km apart (e.g. the railway stations
     * either side of a line), where a source says so; without it the validator flags the pair.
     */
    pairDistanceReason: z.string().min(10).optional(),
  })
  .strict()
  .superRefine((loc, ctx) => {
    const estimated = loc.precision.startsWith('estimated');
    if (estimated && !loc.anchor) {
      ctx.addIssue({ code: 'custom', message: 'an estimated location names its anchor', path: ['anchor'] });
    }
    if (!estimated && loc.sourceIds.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a surveyed or source location cites its source', path: ['sourceIds'] });
    }
  });

/**
 * One administrative placing of a feature, valid for a period. Vietnam merged provinces and
 * abolished districts on 2025-07-01, so Vietnamese features usually carry two: the old
 * province/district/commune (validTo 2025-06-30) and the new province/commune (validFrom 2025-07-01).
 */
export const AdminPeriod = z
  .object({
    provinceId: Id,
    /** Chinese prefecture-level city or prefecture (e.g. Honghe). */
    prefecture: z.string().optional(),
    /** Vietnamese district (before 2025-07-01) or Chinese county / county-level city. */
    district: z.string().optional(),
    /** Vietnamese commune/ward/town or Chinese town/township. */
    commune: z.string().optional(),
    /** The same units in Chinese characters, as a cited source or dataset writes them (凭祥市). */
    zh: z.object({ prefecture: z.string().optional(), district: z.string().optional(), commune: z.string().optional() }).strict().optional(),
    validFrom: IsoDay.optional(),
    validTo: IsoDay.optional(),
    sourceIds: z.array(Id).optional(),
  })
  .strict();

/** A data text in Vietnamese and Chinese beside its English reference (data-src/translations). */
export const Translations = z.object({ vi: z.string().min(2).optional(), zh: z.string().min(2).optional() }).strict();

/**
 * How a dated fact was checked against the text of its cited sources (issue 9): confirmed (the
 * source's text says it), source-unavailable (no copy of the source could be read), inferred
 * (derived from context; the note says from what).
 */
export const FactCheck = z
  .object({
    result: z.enum(['confirmed', 'source-unavailable', 'inferred']),
    on: IsoDay,
    note: z.string().min(3).optional(),
  })
  .strict();

/** What a status applies to, where the history gives it (the 2020–2022 freight-only months). */
export const StatusScope = z.enum(['goods', 'passengers', 'all']);

export const StatusChange = z
  .object({
    date: PartialDate,
    /** The status from this date on; omit when only the class changed. */
    status: GateStatus.optional(),
    /** The class from this date on, where the change is an upgrade or a new designation. */
    class: GateClass.optional(),
    note: z.string().min(3),
    noteTranslations: Translations.optional(),
    sourceIds: SourceIds,
    uncertain: z.boolean().optional(),
    /** Traffic the status applies to; omitted when the source does not say (read as all traffic). */
    scope: StatusScope.optional(),
    /** True when the entry is about the crossing pair as a whole (both sides), not this side alone. */
    pair: z.boolean().optional(),
    check: FactCheck.optional(),
  })
  .strict()
  .refine((c) => c.status !== undefined || c.class !== undefined, { message: 'a change sets a status, a class or both' });

export const FeatureKind = z.enum(['gate', 'opening', 'market', 'commune', 'post']);

/** Properties shared by every curated point feature. */
const BaseProperties = z.object({
  id: Id,
  kind: FeatureKind,
  side: Country,
  names: Names,
  /** Pair id shared with the counterpart feature(s) across the border. */
  pairId: Id.optional(),
  /** The feature across the border that this one faces, where it is in the data. */
  counterpartId: Id.optional(),
  /** Free text for a counterpart that the sources name but do not place (no feature). */
  counterpartNote: z.string().optional(),
  /** The counterpart note in Vietnamese and Chinese (data-src/translations/counterpart-notes-*.json). */
  counterpartNoteTranslations: z.object({ vi: z.string().min(2).optional(), zh: z.string().min(2).optional() }).strict().optional(),
  admin: z.array(AdminPeriod).min(1),
  location: Location,
  description: z.string().min(10),
  /**
   * The description in Vietnamese and Chinese, translated from the English one (which stays the
   * reference); merged from data-src/translations by scripts/merge-translations.ts.
   */
  descriptionTranslations: z.object({ vi: z.string().min(10).optional(), zh: z.string().min(5).optional() }).strict().optional(),
  sourceIds: SourceIds,
  /** Facts a single weak source gives, or that sources disagree on. */
  uncertainties: z.array(z.string()).optional(),
  /** Each uncertainty in Vietnamese and Chinese, in the same order (data-src/translations/uncertainties-*.json). */
  uncertaintyTranslations: z.array(z.object({ vi: z.string().min(2).optional(), zh: z.string().min(2).optional() }).strict()).optional(),
});

export const GateProperties = BaseProperties.extend({
  kind: z.enum(['gate', 'opening']),
  /** The class the side's own government uses; history may change it. */
  class: GateClass,
  /** Chinese port rank where known (class-1 national, class-2 provincial). */
  chinaPortClass: z.enum(['class-1', 'class-2']).optional(),
  modes: z.array(CrossingMode).min(1),
  /** The gate pair this opening/clearance route belongs to (a gate pairId). */
  parentPairId: Id.optional(),
  statusHistory: z.array(StatusChange).min(1),
}).strict();

export const MarketProperties = BaseProperties.extend({
  kind: z.literal('market'),
  marketType: z.enum(['border-market', 'resident-trading-point', 'trade-zone']),
  statusHistory: z.array(StatusChange).default([]),
}).strict();

export const PlaceLevel = z.enum(['village', 'commune', 'town', 'district', 'city', 'province']);

export const CommuneProperties = BaseProperties.extend({
  kind: z.literal('commune'),
  level: PlaceLevel,
  /** When the pairing (friendship/twinning agreement) was made, as precisely as known. */
  pairedSince: PartialDate.optional(),
}).strict();

export const PostProperties = BaseProperties.extend({
  kind: z.literal('post'),
  unitType: z.enum(['border-guard-station', 'border-guard-command', 'inspection-station', 'border-management-unit']),
  pairedSince: PartialDate.optional(),
}).strict();

const PointGeometry = z
  .object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  })
  .strict();

function featureCollection<P extends z.ZodTypeAny>(properties: P, dataset: string) {
  return z
    .object({
      type: z.literal('FeatureCollection'),
      meta: z
        .object({
          dataset: z.literal(dataset),
          schemaVersion: z.literal(1),
          updated: IsoDay,
          description: z.string().optional(),
        })
        .strict(),
      features: z.array(
        z
          .object({
            type: z.literal('Feature'),
            id: z.string().optional(),
            geometry: PointGeometry,
            properties,
          })
          .strict(),
      ),
    })
    .strict();
}

export const GatesFile = featureCollection(GateProperties, 'gates');
export const OpeningsFile = featureCollection(GateProperties, 'openings');
export const MarketsFile = featureCollection(MarketProperties, 'markets');
export const CommunesFile = featureCollection(CommuneProperties, 'communes');
export const PostsFile = featureCollection(PostProperties, 'posts');

export const Source = z
  .object({
    id: Id,
    title: z.string().min(3),
    publisher: z.string().min(2),
    /** Publication date as precise as known; null when the source gives none. */
    date: PartialDate.nullable(),
    /** Only http/https. Omitted when the stored copy carries none. */
    url: z.string().regex(/^https?:\/\/\S+$/, 'urls are http(s)').optional(),
    language: z.enum(['en', 'vi', 'zh', 'fr', 'ja', 'ar', 'ms', 'nl', 'es', 'de', 'ru', 'other']),
    /** official (government/army), press, reference (encyclopedia), weak (travel sites, aggregators). */
    reliability: z.enum(['official', 'press', 'reference', 'weak']),
    note: z.string().optional(),
  })
  .strict();
export const SourcesFile = z
  .object({ meta: z.object({ dataset: z.literal('sources'), schemaVersion: z.literal(1), updated: IsoDay }).strict(), sources: z.array(Source) })
  .strict();

export const Agreement = z
  .object({
    id: Id,
    title: z.object({ en: z.string().min(3), vi: z.string().optional(), zh: z.string().optional() }).strict(),
    type: z.enum(['treaty', 'protocol', 'agreement', 'mou', 'minutes', 'decision', 'resolution', 'plan', 'other']),
    level: z.enum(['national', 'provincial', 'district', 'commune', 'village', 'military']),
    signed: PartialDate.optional(),
    inForce: PartialDate.optional(),
    parties: z.array(z.string().min(2)).min(1),
    /** Each party in Vietnamese and Chinese, in the same order (data-src/translations/parties-*.json). */
    partyTranslations: z.array(z.object({ vi: z.string().min(2).optional(), zh: z.string().min(2).optional() }).strict()).optional(),
    description: z.string().min(10),
    /** The description in Vietnamese and Chinese (the title carries its own vi/zh). */
    descriptionTranslations: z.object({ vi: z.string().min(5).optional(), zh: z.string().min(3).optional() }).strict().optional(),
    featureIds: z.array(Id).default([]),
    provinceIds: z.array(Id).default([]),
    sourceIds: SourceIds,
    uncertain: z.boolean().optional(),
    check: FactCheck.optional(),
  })
  .strict();
export const AgreementsFile = z
  .object({ meta: z.object({ dataset: z.literal('agreements'), schemaVersion: z.literal(1), updated: IsoDay }).strict(), agreements: z.array(Agreement) })
  .strict();

export const EventKind = z.enum([
  'talks',
  'conference',
  'working-group',
  'patrol',
  'opening',
  'reopening',
  'suspension',
  'upgrade',
  'agreement',
  'construction',
  'trade-figure',
  'trade-fair',
  'visit',
  'handover',
  'exchange',
  'planning',
  'other',
]);

export const Figure = z
  .object({
    label: z.string().min(2),
    /** The label in Vietnamese and Chinese (data-src/translations/figures-*.json). */
    labelTranslations: z.object({ vi: z.string().min(2).optional(), zh: z.string().min(2).optional() }).strict().optional(),
    value: z.number(),
    unit: z.string().min(1),
    /** The unit in Vietnamese and Chinese (data-src/translations/units-*.json). */
    unitTranslations: z.object({ vi: z.string().min(1).optional(), zh: z.string().min(1).optional() }).strict().optional(),
  })
  .strict();

export const Event = z
  .object({
    id: Id,
    date: PartialDate,
    kind: EventKind,
    title: z.string().min(5),
    /** The title in Vietnamese and Chinese (from data-src/translations/events-*.json). */
    titleTranslations: z.object({ vi: z.string().min(3).optional(), zh: z.string().min(2).optional() }).strict().optional(),
    description: z.string().min(10),
    descriptionTranslations: z.object({ vi: z.string().min(5).optional(), zh: z.string().min(3).optional() }).strict().optional(),
    /** Sequence number of a recurring meeting (e.g. the 11th Joint Working Group session). */
    sessionNumber: z.number().int().positive().optional(),
    featureIds: z.array(Id).default([]),
    provinceIds: z.array(Id).default([]),
    agreementIds: z.array(Id).default([]),
    figures: z.array(Figure).optional(),
    sourceIds: SourceIds,
    uncertain: z.boolean().optional(),
    check: FactCheck.optional(),
  })
  .strict();
export const EventsFile = z
  .object({ meta: z.object({ dataset: z.literal('events'), schemaVersion: z.literal(1), updated: IsoDay }).strict(), events: z.array(Event) })
  .strict();

/**
 * A published length of the border (a province's stretch, or the whole line), as the source
 * words it: figures range from "about 1,300 km" in press reports to 1,449.566 km at the end of
 * demarcation, so the qualifier is kept.
 */
export const BorderLength = z
  .object({
    km: z.number().positive(),
    qualifier: z.enum(['about', 'nearly', 'almost', 'more-than']).optional(),
    /** The figure the project uses as the headline (the demarcation total). */
    headline: z.boolean().optional(),
    asOf: PartialDate.optional(),
    note: z.string().optional(),
    sourceIds: SourceIds,
  })
  .strict();

export const Province = z
  .object({
    id: Id,
    country: Country,
    names: Names,
    /** 'province' for Vietnam's provinces and China's Yunnan; 'region' for Guangxi. */
    type: z.enum(['province', 'region']),
    validFrom: IsoDay.optional(),
    validTo: IsoDay.optional(),
    /** Province this one was merged into on validTo + 1 day. */
    successorId: Id.optional(),
    /** Border length facts with their sources. */
    borderLengths: z.array(BorderLength).default([]),
    /** Label point for the basemap: the provincial capital as a source gives it. */
    label: z
      .object({ lng: z.number(), lat: z.number(), place: z.string(), sourceIds: SourceIds })
      .strict()
      .optional(),
    notes: z.array(z.object({ text: z.string().min(5), textTranslations: Translations.optional(), sourceIds: SourceIds }).strict()).default([]),
    sourceIds: SourceIds,
  })
  .strict();
export const ProvincesFile = z
  .object({
    meta: z.object({ dataset: z.literal('provinces'), schemaVersion: z.literal(1), updated: IsoDay }).strict(),
    provinces: z.array(Province),
    /** Published lengths of the whole land border, tripoint to estuary. */
    borderLengths: z.array(BorderLength).default([]),
  })
  .strict();

export type GateStatus = z.infer<typeof GateStatus>;
export type BorderLength = z.infer<typeof BorderLength>;
export type GateClass = z.infer<typeof GateClass>;
export type CrossingMode = z.infer<typeof CrossingMode>;
export type FeatureKind = z.infer<typeof FeatureKind>;
export type LocationPrecision = z.infer<typeof LocationPrecision>;
export type Names = z.infer<typeof Names>;
export type AdminPeriod = z.infer<typeof AdminPeriod>;
export type StatusChange = z.infer<typeof StatusChange>;
export type FactCheck = z.infer<typeof FactCheck>;
export type StatusScope = z.infer<typeof StatusScope>;
export type GateProperties = z.infer<typeof GateProperties>;
export type MarketProperties = z.infer<typeof MarketProperties>;
export type CommuneProperties = z.infer<typeof CommuneProperties>;
export type PostProperties = z.infer<typeof PostProperties>;
export type AtlasProperties = GateProperties | MarketProperties | CommuneProperties | PostProperties;
export type Source = z.infer<typeof Source>;
export type Agreement = z.infer<typeof Agreement>;
export type AtlasEvent = z.infer<typeof Event>;
export type EventKind = z.infer<typeof EventKind>;
export type Province = z.infer<typeof Province>;
