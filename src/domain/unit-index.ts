/**
 * Lookup tables over units, built once: canonical name, loose name (alias), normalised key, glossary topic
 * and kind. Only the last level, partial match, scans the units.
 */
import type { Unit } from './types.js';
import type { UnitKind } from './glossary.js';
import { kindOfName, readGlossaryQuery, topicOfName } from './glossary-match.js';
import { looseName, unitKey } from './normalize-unit.js';

/** Matching levels, strictest first; resolve stops at the first level that finds anything. */
export const MATCH_LEVELS = ['exact', 'alias', 'key', 'glossary', 'partial'] as const;
export type MatchLevel = (typeof MATCH_LEVELS)[number];

function addTo<K>(map: Map<K, Unit[]>, key: K, unit: Unit): void {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (!list.includes(unit)) list.push(unit);
}

/** Maps from every spelling of every unit to the unit, for resolution level by level. */
export class UnitIndex {
  private readonly byName = new Map<string, Unit>();
  private readonly byLoose = new Map<string, Unit[]>();
  private readonly byKey = new Map<string, Unit[]>();
  private readonly byTopic = new Map<string, Unit[]>();
  private readonly byKind = new Map<UnitKind, Unit[]>();
  private readonly kinds = new Map<Unit, UnitKind | null>();
  /** Every key of every unit, for the partial-match scan. */
  private readonly keys: Array<{ key: string; unit: Unit }> = [];

  /** Index a unit under its canonical name and all its aliases. */
  add(unit: Unit): void {
    this.byName.set(unit.name, unit);
    const kind = kindOfName(unit.name);
    this.kinds.set(unit, kind);
    if (kind) addTo(this.byKind, kind, unit);
    for (const name of [unit.name, ...unit.aliases]) this.addName(unit, name);
  }

  /** Index one more spelling of an indexed unit (the caller records it in unit.aliases). */
  addName(unit: Unit, name: string): void {
    const loose = looseName(name);
    if (loose === '') return;
    addTo(this.byLoose, loose, unit);
    const key = unitKey(name);
    addTo(this.byKey, key, unit);
    this.keys.push({ key, unit });
    const topic = topicOfName(name);
    if (topic) addTo(this.byTopic, topic.id, unit);
  }

  /** The unit with this canonical name. */
  get(name: string): Unit | undefined {
    return this.byName.get(name);
  }

  /** Units of the query's glossary topic, ignoring its kind: "related" names for an unknown query. */
  topicUnits(query: string): Unit[] {
    const topic = readGlossaryQuery(query)?.topic;
    return topic ? (this.byTopic.get(topic.id) ?? []) : [];
  }

  /** The units that match `name` at the first level (up to `lastLevel`) that matches any. */
  match(name: string, lastLevel: MatchLevel): { level: MatchLevel; units: Unit[] } | null {
    for (const level of MATCH_LEVELS) {
      const units = this.matchAt(level, name);
      if (units.length > 0) return { level, units };
      if (level === lastLevel) break;
    }
    return null;
  }

  private matchAt(level: MatchLevel, name: string): Unit[] {
    switch (level) {
      case 'exact': {
        const unit = this.byName.get(name);
        return unit ? [unit] : [];
      }
      case 'alias':
        return this.byLoose.get(looseName(name)) ?? [];
      case 'key':
        return this.byKey.get(unitKey(name)) ?? [];
      case 'glossary':
        return this.matchGlossary(name);
      case 'partial':
        return this.matchPartial(name);
    }
  }

  private matchGlossary(name: string): Unit[] {
    const query = readGlossaryQuery(name);
    if (!query) return [];
    const { topic, kind } = query;
    if (!topic) return kind ? (this.byKind.get(kind) ?? []) : [];
    const units = this.byTopic.get(topic.id) ?? [];
    return kind ? units.filter((unit) => this.kinds.get(unit) === kind) : units;
  }

  /** Units one of whose keys contains the query's key ("人力社保" in "人力社保局"). */
  private matchPartial(name: string): Unit[] {
    const key = unitKey(name);
    const minimum = /\p{Script=Han}/u.test(key) ? 1 : 3;
    if (key.length < minimum) return [];
    const units: Unit[] = [];
    for (const entry of this.keys) {
      if (entry.key.includes(key) && !units.includes(entry.unit)) units.push(entry.unit);
    }
    return units;
  }
}
