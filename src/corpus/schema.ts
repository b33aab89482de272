import type Database from 'better-sqlite3';

/**
 * The store's schema as an ordered list of migrations. `PRAGMA user_version` records how many
 * have run, so an older store is brought forward when it is opened and a store written by a
 * newer sitrep is refused instead of being misread.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- 'url:<url>' when the article has one, else 'sha256:<hash of text>'
    doc_id TEXT NOT NULL,
    url TEXT,
    title TEXT,
    source TEXT,
    published TEXT,
    text_hash TEXT NOT NULL,
    origin TEXT,
    extraction TEXT NOT NULL,            -- the whole sitrep.extraction/1 JSON: text and every layer
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);

  CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX sentences_article ON sentences(article_id, idx);
  CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;

  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    code TEXT,
    kind TEXT NOT NULL,
    country TEXT
  );
  CREATE INDEX entities_code ON entities(code);
  -- every name an entity was written with, lower-cased, plus a person's surname: how later
  -- articles find it ("Sudani" -> Mohammed Shia al-Sudani)
  CREATE TABLE entity_names (
    name TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (name, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX entity_names_entity ON entity_names(entity_id);

  CREATE TABLE article_actors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
  );
  CREATE INDEX article_actors_entity ON article_actors(entity_id);

  CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    lat REAL,
    lon REAL
  );
  CREATE TABLE article_places (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
  );
  CREATE INDEX article_places_place ON article_places(place_id);

  -- one row per real-world event; its fields summarize its mentions (see src/corpus/events.ts)
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    status TEXT NOT NULL,
    status_class TEXT NOT NULL,          -- happened | planned | negated | hypothetical: only events of one class merge
    source_id INTEGER REFERENCES entities(id),
    target_id INTEGER REFERENCES entities(id),
    date TEXT,                           -- TimeML value of the best-dated mention
    date_start TEXT,                     -- the calendar days that value covers, for range filters
    date_end TEXT,
    date_precision TEXT,
    date_source TEXT,
    place_id INTEGER REFERENCES places(id),
    fatalities INTEGER,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_reported TEXT,
    last_reported TEXT
  );
  CREATE INDEX events_type ON events(type, status_class, date_start);
  CREATE INDEX events_date ON events(date_start);
  CREATE INDEX events_status ON events(status);
  CREATE INDEX events_source ON events(source_id);
  CREATE INDEX events_target ON events(target_id);
  CREATE INDEX events_place ON events(place_id);
  CREATE INDEX events_reported ON events(status_class, type, first_reported);

  CREATE TABLE event_mentions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id),
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    status TEXT NOT NULL,
    date TEXT,
    date_source TEXT,
    source_id INTEGER REFERENCES entities(id),
    target_id INTEGER REFERENCES entities(id),
    place_id INTEGER REFERENCES places(id),
    fatalities INTEGER,
    confidence REAL NOT NULL
  );
  CREATE INDEX event_mentions_event ON event_mentions(event_id);
  CREATE INDEX event_mentions_article ON event_mentions(article_id);
  CREATE INDEX event_mentions_sentence ON event_mentions(sentence_id);

  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    speaker_text TEXT,
    speaker_name TEXT,
    speaker_role TEXT,
    anonymous INTEGER NOT NULL,
    entity_id INTEGER REFERENCES entities(id)
  );
  CREATE INDEX quotes_article ON quotes(article_id);
  CREATE INDEX quotes_entity ON quotes(entity_id);

  CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    unit TEXT,
    approx INTEGER NOT NULL
  );
  CREATE INDEX quantities_article ON quantities(article_id);
  CREATE INDEX quantities_unit ON quantities(unit);
  `,
  // Queries (src/corpus/query.ts): date-range filters count overlapping events from the index
  // alone; a text filter goes from matching sentences to their events, and the actor listing
  // counts each actor's articles and lists its names, without reading table rows.
  `
  CREATE INDEX events_span ON events(date_start, date_end);
  CREATE INDEX event_mentions_sentence_event ON event_mentions(sentence_id, event_id);
  CREATE INDEX article_actors_entity_article ON article_actors(entity_id, article_id, name);
  `,
  // Listings show events in date order, undated last (EVENT_ORDER in query-conditions.ts). A type
  // or status filter reads its page off an index in that order instead of sorting every match;
  // other filters walk the date index in order (query.ts pageIds), which now holds the columns
  // they test, so the walk reads no table rows.
  `
  CREATE INDEX events_type_order ON events(type, date_start IS NULL, date_start);
  CREATE INDEX events_status_order ON events(status, date_start IS NULL, date_start);
  DROP INDEX events_date;
  CREATE INDEX events_date ON events(date_start, date_end, source_id, target_id, place_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations this store has not had yet, all in one transaction. */
export function migrate(db: Database.Database): void {
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new StoreError(`was written by a newer sitrep (schema ${current}; this one knows up to ${SCHEMA_VERSION})`);
    }
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
}

/** A store that cannot be used; the message completes "sitrep: the store FILE ...". */
export class StoreError extends Error {
  override name = 'StoreError';
}
