import { z } from 'zod';
import { LAYER_NAMES } from '../doc/layers.js';

/**
 * The gold file format of spec §3, checked before anything is scored so that a typo in a
 * gold file is reported as the error it is instead of silently costing recall.
 */

const snippet = z.string({ message: 'must be a piece of the article text' }).min(1, { message: 'must not be empty' });
const nth = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).positive({ message: 'must be 1 or more (which occurrence of the text)' });
const code = z.string({ message: 'must be an actor code' }).min(1, { message: 'must not be empty' });
const codeOrCodes = z.union([code, z.array(code).min(1)], { message: 'must be an actor code or a list of codes' });

export const goldTimeSchema = z.object({
  text: snippet,
  nth: nth.optional(),
  type: z.string().optional(),
  value: z.string({ message: 'must be a TIMEX3 value such as "2024-09-27" or null' }).nullable().optional(),
}).passthrough();

export const goldQuantitySchema = z.object({
  text: snippet,
  nth: nth.optional(),
  value: z.number({ message: 'must be a number (vague amounts such as "hundreds" are not scored: leave them out)' }),
  unit: z.string().nullable().optional(),
}).passthrough();

export const goldPlaceSchema = z.object({
  name: z.string({ message: 'must be the place name' }),
  country: z.string({ message: 'must be an ISO alpha-3 code or null' }).nullable().optional(),
  kind: z.string().optional(),
}).passthrough();

export const goldQuoteSchema = z.object({
  text: snippet,
  nth: nth.optional(),
  speaker: z.string().optional(),
  code: z.string().optional(),
}).passthrough();

export const goldEventSchema = z.object({
  sentence: snippet,
  nth: nth.optional(),
  type: z.string({ message: 'must be a PLOVER event type' }),
  source: codeOrCodes.optional(),
  target: codeOrCodes.optional(),
  status: z.string().optional(),
  date: z.string({ message: 'must be a TIMEX3 date value' }).optional(),
  place: z.string({ message: 'must be an ISO alpha-3 country code' }).optional(),
  fatalities: z.number({ message: 'must be a number' }).optional(),
  optional: z.boolean().optional(),
}).passthrough();

export const goldFileSchema = z.object({
  article: z.string({ message: 'must name the article id' }).min(1, { message: 'must name the article id' }),
  layers: z.array(z.enum(LAYER_NAMES as [string, ...string[]], { message: `must be one of ${LAYER_NAMES.join(', ')}` }), {
    message: 'must list the annotated layers',
  }),
  times: z.array(goldTimeSchema).optional(),
  quantities: z.array(goldQuantitySchema).optional(),
  places: z.array(goldPlaceSchema).optional(),
  actors: z.array(code).optional(),
  quotes: z.array(goldQuoteSchema).optional(),
  events: z.array(goldEventSchema).optional(),
}).passthrough();

export type GoldTime = z.infer<typeof goldTimeSchema>;
export type GoldQuantity = z.infer<typeof goldQuantitySchema>;
export type GoldPlace = z.infer<typeof goldPlaceSchema>;
export type GoldQuote = z.infer<typeof goldQuoteSchema>;
export type GoldEvent = z.infer<typeof goldEventSchema>;
export type GoldFile = z.infer<typeof goldFileSchema>;
