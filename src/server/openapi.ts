import { PLOVER_TYPES } from '../layers/events/index.js';
import { VERSION } from '../version.js';

type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const query = (name: string, schema: Schema): Schema => ({ name, in: 'query', required: false, schema, description: schema['description'] });
const pathId = (what: string): Schema => ({ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, description: `${what} id` });
const day = (description: string): Schema => str(description, { format: 'date' });

const eventFilters: Schema[] = [
  query('actor', str('actor name, alias, surname or CAMEO code (prefix: "USA" matches USAMIL), as source or target')),
  query('type', str('PLOVER event type', { enum: [...PLOVER_TYPES] })),
  query('status', str('event status', { enum: ['reported', 'ongoing', 'planned', 'negated', 'hypothetical'] })),
  query('from', day('events whose date range ends on or after this day')),
  query('to', day('events whose date range starts on or before this day')),
  query('place', str('place name, or ISO 3166 alpha-3 country code')),
  query('text', str('words that must appear in a sentence reporting the event (full-text search; taken as words, not syntax)')),
];
const paging: Schema[] = [
  query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'rows per page' }),
  query('offset', { type: 'integer', minimum: 0, default: 0, description: 'rows to skip' }),
];
const search = query('q', str('name contains'));

const json = (description: string, schema: Schema = { type: 'object' }): Schema => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json('bad input', { $ref: '#/components/schemas/Error' }), 404: json('not found', { $ref: '#/components/schemas/Error' }) };

let cached: Schema | undefined;

/** The OpenAPI 3.1 description of the API, served at /api/openapi.json. */
export function openApiDocument(): Schema {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'sitrep API',
      version: VERSION,
      description: 'Events, actors, places and articles of a sitrep corpus, each traced to the sentences that report it, and the situation brief.',
    },
    paths: {
      '/api/stats': { get: { summary: 'Counts of the corpus and its date span', responses: { 200: json('counts') } } },
      '/api/events': { get: { summary: 'Events matching the filters, one row per real-world event', parameters: [...eventFilters, ...paging], responses: { 200: json('a page of events'), ...errors } } },
      '/api/events/{id}': { get: { summary: 'One event with every report of it (article, sentence, trigger)', parameters: [pathId('event')], responses: { 200: json('the event'), ...errors } } },
      '/api/actors': { get: { summary: 'Corpus actors by activity', parameters: [search, ...paging], responses: { 200: json('a page of actors'), ...errors } } },
      '/api/actors/{id}': { get: { summary: 'One actor: names, events as source and target, monthly timeline', parameters: [pathId('actor')], responses: { 200: json('the actor'), ...errors } } },
      '/api/places': { get: { summary: 'Places with their event counts', parameters: [search, ...paging], responses: { 200: json('a page of places'), ...errors } } },
      '/api/network': { get: { summary: 'Who acts on whom: actors and weighted edges over the matching events', parameters: eventFilters, responses: { 200: json('nodes and edges'), ...errors } } },
      '/api/articles': {
        get: { summary: 'Stored articles', parameters: [search, ...paging], responses: { 200: json('a page of articles'), ...errors } },
        post: {
          summary: 'Ingest one article (needs the server token)',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Article' } },
              'text/html': { schema: { type: 'string' } },
              'text/plain': { schema: { type: 'string' } },
            },
          },
          responses: {
            201: json('stored as a new article'),
            200: json('an existing article: updated or unchanged'),
            400: errors[400],
            401: json('no token, or a wrong one', { $ref: '#/components/schemas/Error' }),
            413: json('the body is over the size limit', { $ref: '#/components/schemas/Error' }),
          },
        },
      },
      '/api/articles/{id}': { get: { summary: 'One article with its text and every annotated span (sitrep.extraction/1)', parameters: [pathId('article')], responses: { 200: json('the article'), ...errors } } },
      '/api/brief': {
        get: {
          summary: 'The situation brief: summary, timeline, commitments and deadlines, force posture, quotes, contradictions',
          parameters: [
            query('about', str('an actor (name, alias, code) or a place (name, ISO3 code)')),
            query('from', day('window start')),
            query('to', day('window end')),
            query('asOf', day('the day commitments are judged on (default today)')),
            query('format', str('json (default), md or html', { enum: ['json', 'md', 'html'] })),
          ],
          responses: { 200: json('the brief'), ...errors },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: json('OpenAPI 3.1') } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
        Article: {
          type: 'object',
          required: ['text'],
          properties: {
            id: { type: 'string' },
            url: { type: ['string', 'null'] },
            source: { type: ['string', 'null'] },
            published: { type: ['string', 'null'], description: 'YYYY-MM-DD or an ISO timestamp' },
            title: { type: ['string', 'null'] },
            text: { type: 'string' },
          },
        },
      },
    },
  };
  return cached;
}
