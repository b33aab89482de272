import { Option, type Command } from 'commander';
import type Database from 'better-sqlite3';
import { exportRows, formatExport } from '../corpus/export.js';
import { parsePaging } from '../corpus/query-filter.js';
import {
  getEvent,
  listActors,
  listArticles,
  parseEventFilter,
  queryEvents,
  QueryError,
  type EntityRef,
  type EventRow,
  type Mention,
  type PlaceRef,
} from '../corpus/query.js';
import { StoreError, storePath } from '../corpus/store.js';
import { openStoreForCommand } from './open-store.js';
import { describeError } from './io.js';
import { clip, outputWidth, textTable, wrap } from './text-table.js';

/** The event filter flags, shared by `sitrep events` and `sitrep export`. */
export interface FilterFlags {
  actor?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  place?: string;
  text?: string;
  limit?: string;
  offset?: string;
  db?: string;
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('--actor <name>', 'an actor as source or target: a name, an alias, a surname, or a CAMEO code (ISIS; USA takes in USAMIL, USAGOV)')
    .option('--type <type>', 'a PLOVER event type (ASSAULT, COERCE, RETREAT, ...)')
    .option('--status <status>', 'reported, ongoing, planned, negated or hypothetical')
    .option('--from <YYYY-MM-DD>', 'events whose dates reach this day or later')
    .option('--to <YYYY-MM-DD>', 'events whose dates reach this day or earlier')
    .option('--place <name>', 'a place name (a country takes in its places) or an ISO3 country code')
    .option('--text <words>', 'words that all occur in a sentence reporting the event')
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)');
}

const FILTER_FIELDS = /^(actor|type|status|from|to|place|text|limit|offset): /;

/**
 * Runs a command body against the store opened read-only. A store that is missing or not a
 * store, a bad filter value, or a store found corrupt while reading is one line on stderr and
 * exit code 2.
 */
export async function withStore(dbFlag: string | undefined, body: (db: Database.Database) => Promise<number> | number): Promise<number> {
  const db = openStoreForCommand(storePath(dbFlag), { readonly: true });
  if (!db) return 2;
  try {
    return await body(db);
  } catch (e) {
    if (e instanceof QueryError) {
      console.error(`sitrep: ${FILTER_FIELDS.test(e.message) ? '--' : ''}${e.message}`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (e instanceof StoreError || code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      console.error(`sitrep: the store ${storePath(dbFlag)} ${e instanceof StoreError ? e.message : 'is corrupt'}`);
      return 2;
    }
    console.error(`sitrep: ${describeError(e)}`);
    return 1;
  } finally {
    db.close();
  }
}

/** Writes to stdout; a reader that went away (`| head`) is not an error. */
export function print(text: string): void {
  try {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EPIPE') throw e;
  }
}

const formatOption = (choices: string[], fallback: string) =>
  new Option('--format <format>', `output format: ${choices.join(', ')}`).choices(choices).default(fallback);

export function registerQueries(program: Command): void {
  addFilterOptions(
    program
      .command('events')
      .description('list the events of the store that pass the filters, in date order (undated last)')
      .addOption(formatOption(['table', 'json', 'csv'], 'table'))
      .option('--limit <n>', 'events per page, 1 to 1000 (default 100)')
      .option('--offset <n>', 'events to skip, for the next pages (default 0)'),
  ).action(async (flags: FilterFlags & { format: string }) => {
    process.exitCode = await withStore(flags.db, (db) => runEvents(db, flags));
  });

  program
    .command('actors')
    .description('list the actors of the store, most active first')
    .option('--q <text>', 'part of a name, an alias or surname, or a CAMEO code prefix')
    .option('--limit <n>', 'actors per page, 1 to 1000 (default 100)')
    .option('--offset <n>', 'actors to skip (default 0)')
    .addOption(formatOption(['table', 'json'], 'table'))
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .action(async (flags: { q?: string; limit?: string; offset?: string; format: string; db?: string }) => {
      process.exitCode = await withStore(flags.db, (db) => {
        const paging = parsePaging(flags);
        const result = listActors(db, { q: flags.q, ...paging });
        if (flags.format === 'json') print(JSON.stringify({ ...result, ...paging }, null, 2));
        else print(actorsTable(result.actors, result.total, paging.offset));
        return 0;
      });
    });

  program
    .command('articles')
    .description('list the articles of the store, latest published first')
    .option('--q <text>', 'part of the title, outlet, URL or document id')
    .option('--limit <n>', 'articles per page, 1 to 1000 (default 100)')
    .option('--offset <n>', 'articles to skip (default 0)')
    .addOption(formatOption(['table', 'json'], 'table'))
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .action(async (flags: { q?: string; limit?: string; offset?: string; format: string; db?: string }) => {
      process.exitCode = await withStore(flags.db, (db) => {
        const paging = parsePaging(flags);
        const result = listArticles(db, { q: flags.q, ...paging });
        if (flags.format === 'json') print(JSON.stringify({ ...result, ...paging }, null, 2));
        else print(articlesTable(result.articles, result.total, paging.offset));
        return 0;
      });
    });

  program
    .command('show')
    .description('one event with every report of it: each article and the sentence, trigger marked')
    .argument('<event-id>', 'the event id (first column of "sitrep events")')
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .action(async (idText: string, flags: { format: string; db?: string }) => {
      process.exitCode = await withStore(flags.db, (db) => {
        if (!/^\d+$/.test(idText.trim())) throw new QueryError(`an event id is a whole number, not "${idText}"`);
        const event = getEvent(db, Number(idText));
        if (!event) {
          console.error(`sitrep: no event ${idText} in ${storePath(flags.db)}`);
          return 1;
        }
        print(flags.format === 'json' ? JSON.stringify(event, null, 2) : showEvent(event));
        return 0;
      });
    });
}

function runEvents(db: Database.Database, flags: FilterFlags & { format: string }): number {
  const filter = parseEventFilter(filterInput(flags));
  if (flags.format === 'csv') {
    print([...formatExport('csv', exportRows(db, filter))].join(''));
    return 0;
  }
  const result = queryEvents(db, filter);
  if (flags.format === 'json') print(JSON.stringify({ total: result.total, limit: filter.limit, offset: filter.offset, events: result.events }, null, 2));
  else print(eventsTable(result.events, result.total, filter.offset));
  return 0;
}

/** The filter flags as the filter schema takes them. */
export function filterInput(flags: FilterFlags): Record<string, string | undefined> {
  const { actor, type, status, from, to, place, text, limit, offset } = flags;
  return { actor, type, status, from, to, place, text, limit, offset };
}

// ---------------------------------------------------------------------------------------------
// Tables and the event page

const dash = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? '–' : s);
const who = (e: EntityRef | null) => (e ? `${e.name}${e.code ? ` [${e.code}]` : ''}` : '–');
const where = (p: PlaceRef | null) => (p ? `${p.name}${p.country && p.kind !== 'country' ? `, ${p.country}` : ''}` : '–');
const count = (n: number) => n.toLocaleString('en-US');
/** Width of the source and target cells of the events table; ten more on a terminal this wide. */
const SIDE_WIDTH = 20;
const WIDE = 160;

function footer(what: string, shown: number, total: number, offset: number): string {
  if (total === 0) return `no ${what} match`;
  if (shown === 0) return `no ${what} past --offset ${count(offset)} (${count(total)} match)`;
  const more = offset + shown < total ? ` (--offset ${offset + shown} for more)` : '';
  return `${what} ${count(offset + 1)}–${count(offset + shown)} of ${count(total)}${more}`;
}

/** A side of an event in at most `width` characters: the name gives way before the code does. */
function side(e: EntityRef | null, width: number): string {
  if (!e) return '–';
  const code = e.code ? ` [${e.code}]` : '';
  return `${clip(e.name, Math.max(4, width - code.length))}${code}`;
}

function eventsTable(events: EventRow[], total: number, offset: number): string {
  const width = outputWidth();
  const sideWidth = width >= WIDE ? SIDE_WIDTH + 10 : SIDE_WIDTH;
  const rows = events.map((e) => [
    String(e.id),
    dash(e.date),
    e.type,
    e.status,
    side(e.source, sideWidth),
    side(e.target, sideWidth),
    where(e.place),
    e.evidence.sentence,
  ]);
  const table = textTable(
    [
      { head: 'ID', align: 'right' },
      { head: 'DATE' },
      { head: 'TYPE' },
      { head: 'STATUS' },
      { head: 'SOURCE', max: sideWidth },
      { head: 'TARGET', max: sideWidth },
      { head: 'PLACE', max: 14 },
      { head: 'EVIDENCE', flex: true, min: 16 },
    ],
    rows,
    width,
  );
  return `${events.length > 0 ? `${table}\n` : ''}${footer('events', events.length, total, offset)}`;
}

function actorsTable(actors: ReturnType<typeof listActors>['actors'], total: number, offset: number): string {
  const rows = actors.map((a) => [
    String(a.id),
    a.name,
    dash(a.code),
    a.kind,
    String(a.articles),
    String(a.asSource),
    String(a.asTarget),
    a.names.filter((n) => n !== a.name).join('; '),
  ]);
  const table = textTable(
    [
      { head: 'ID', align: 'right' },
      { head: 'NAME', max: 40 },
      { head: 'CODE' },
      { head: 'KIND' },
      { head: 'ARTICLES', align: 'right' },
      { head: 'AS SOURCE', align: 'right' },
      { head: 'AS TARGET', align: 'right' },
      { head: 'ALSO WRITTEN', flex: true },
    ],
    rows,
    outputWidth(),
  );
  return `${actors.length > 0 ? `${table}\n` : ''}${footer('actors', actors.length, total, offset)}`;
}

function articlesTable(articles: ReturnType<typeof listArticles>['articles'], total: number, offset: number): string {
  const rows = articles.map((a) => [String(a.id), dash(a.published), dash(a.source), String(a.events), dash(a.title ?? a.url ?? a.docId)]);
  const table = textTable(
    [
      { head: 'ID', align: 'right' },
      { head: 'PUBLISHED' },
      { head: 'SOURCE', max: 30 },
      { head: 'EVENTS', align: 'right' },
      { head: 'TITLE', flex: true },
    ],
    rows,
    outputWidth(),
  );
  return `${articles.length > 0 ? `${table}\n` : ''}${footer('articles', articles.length, total, offset)}`;
}

/** The sentence with its trigger between ** marks (offsets are into the article text). */
export function markTrigger(m: Mention): string {
  const at = m.trigger.start - m.sentence.start;
  const end = m.trigger.end - m.sentence.start;
  if (at < 0 || end > m.sentence.text.length || m.sentence.text.slice(at, end) !== m.trigger.text) return m.sentence.text;
  return `${m.sentence.text.slice(0, at)}**${m.trigger.text}**${m.sentence.text.slice(end)}`;
}

function showEvent(e: EventRow & { mentions: Mention[] }): string {
  const width = outputWidth();
  const dateLine = e.date
    ? `${e.date}${e.dateStart && e.dateEnd && e.dateStart !== e.dateEnd ? ` (${e.dateStart} to ${e.dateEnd})` : ''}, ${dash(e.datePrecision)} precision, ${e.dateSource === 'published' ? 'from the publication date' : 'from the text'}`
    : 'undated';
  const placeLine = e.place
    ? `${e.place.name} (${e.place.kind}${e.place.country ? `, ${e.place.country}` : ''})${e.place.lat !== null && e.place.lon !== null ? ` ${e.place.lat}, ${e.place.lon}` : ''}`
    : '–';
  const lines = [
    `Event ${e.id}: ${e.type}${e.mode ? ` (${e.mode})` : ''}, ${e.status}`,
    `  CAMEO     ${e.cameo}, quad class ${e.quadClass}, Goldstein ${e.goldstein}`,
    `  when      ${dateLine}`,
    `  who       ${who(e.source)} → ${who(e.target)}`,
    `  where     ${placeLine}`,
  ];
  if (e.fatalities !== null) lines.push(`  killed    ${e.fatalities}`);
  lines.push(
    `  reports   ${e.numArticles} article${e.numArticles === 1 ? '' : 's'} from ${e.numSources} source${e.numSources === 1 ? '' : 's'}, first ${dash(e.firstReported)}, last ${dash(e.lastReported)}`,
    '',
    `Evidence (${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'})`,
  );
  e.mentions.forEach((m, i) => {
    const head = `  [${i + 1}] ${clip(m.article.title ?? `article ${m.article.id}`, width - 8)}`;
    const meta = [m.article.source, m.article.published].filter(Boolean).join(', ');
    lines.push('', head);
    if (meta) lines.push(`      ${meta}`);
    if (m.article.url) lines.push(`      ${m.article.url}`);
    const facts = [m.status, m.date ?? 'undated', `${who(m.source)} → ${who(m.target)}`, `confidence ${m.confidence.toFixed(2)}`];
    lines.push(`      ${facts.join(' · ')}`, wrap(markTrigger(m), width, '      '));
  });
  return lines.join('\n');
}
