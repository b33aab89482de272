/** Counters micro-averaged over all articles, and the figures computed from them. */

/** Detection counts: precision, recall and F1 of one layer. */
export class Detection {
  truePositives = 0;
  falsePositives = 0;
  falseNegatives = 0;

  get precision(): number {
    const found = this.truePositives + this.falsePositives;
    return found ? this.truePositives / found : 0;
  }

  get recall(): number {
    const wanted = this.truePositives + this.falseNegatives;
    return wanted ? this.truePositives / wanted : 0;
  }

  get f1(): number {
    const p = this.precision;
    const r = this.recall;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
}

/** Share of matched pairs whose field is right; 0 when nothing was matched. */
export class Accuracy {
  right = 0;
  total = 0;

  add(isRight: boolean): void {
    this.total++;
    if (isRight) this.right++;
  }

  get value(): number {
    return this.total ? this.right / this.total : 0;
  }
}

export interface Tally {
  timesSpan: Detection;
  timesValue: Detection;
  timesType: Accuracy;
  quantities: Detection;
  quantitiesUnit: Accuracy;
  places: Detection;
  actors: Detection;
  quotes: Detection;
  quotesSpeaker: Accuracy;
  events: Detection;
  eventsSource: Accuracy;
  eventsTarget: Accuracy;
  eventsStatus: Accuracy;
  eventsDate: Accuracy;
  eventsPlace: Accuracy;
  eventsFatalities: Accuracy;
}

export function newTally(): Tally {
  return {
    timesSpan: new Detection(), timesValue: new Detection(), timesType: new Accuracy(),
    quantities: new Detection(), quantitiesUnit: new Accuracy(),
    places: new Detection(), actors: new Detection(),
    quotes: new Detection(), quotesSpeaker: new Accuracy(),
    events: new Detection(), eventsSource: new Accuracy(), eventsTarget: new Accuracy(), eventsStatus: new Accuracy(),
    eventsDate: new Accuracy(), eventsPlace: new Accuracy(), eventsFatalities: new Accuracy(),
  };
}

/** The figures of spec §4 under the names every report and the reference scorer use, in print order. */
export interface Figures {
  times_span_f1: number;
  times_value_f1: number;
  times_type_acc: number;
  quantities_f1: number;
  quantities_unit_acc: number;
  places_f1: number;
  places_p: number;
  places_r: number;
  actors_f1: number;
  actors_p: number;
  actors_r: number;
  quotes_f1: number;
  quotes_speaker_acc: number;
  events_f1: number;
  events_p: number;
  events_r: number;
  events_source_acc: number;
  events_target_acc: number;
  events_status_acc: number;
  events_date_acc: number;
  events_place_acc: number;
  events_fatalities_acc: number;
  problems: number;
}

/** Three decimals, as a number: 0.6666 prints as 0.667 and 0.5 as 0.5. */
export const round3 = (x: number): number => Number(x.toFixed(3));

export function figuresOf(t: Tally, problemCount: number): Figures {
  return {
    times_span_f1: round3(t.timesSpan.f1),
    times_value_f1: round3(t.timesValue.f1),
    times_type_acc: round3(t.timesType.value),
    quantities_f1: round3(t.quantities.f1),
    quantities_unit_acc: round3(t.quantitiesUnit.value),
    places_f1: round3(t.places.f1),
    places_p: round3(t.places.precision),
    places_r: round3(t.places.recall),
    actors_f1: round3(t.actors.f1),
    actors_p: round3(t.actors.precision),
    actors_r: round3(t.actors.recall),
    quotes_f1: round3(t.quotes.f1),
    quotes_speaker_acc: round3(t.quotesSpeaker.value),
    events_f1: round3(t.events.f1),
    events_p: round3(t.events.precision),
    events_r: round3(t.events.recall),
    events_source_acc: round3(t.eventsSource.value),
    events_target_acc: round3(t.eventsTarget.value),
    events_status_acc: round3(t.eventsStatus.value),
    events_date_acc: round3(t.eventsDate.value),
    events_place_acc: round3(t.eventsPlace.value),
    events_fatalities_acc: round3(t.eventsFatalities.value),
    problems: problemCount,
  };
}
