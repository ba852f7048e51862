/**
 * Who is who in chat, by open_id: the liaisons and leaders of the unit directory (a unit may list several accounts in
 * one cell) and the office's reviewers (review.reviewers). Accounts that are emails or mobiles are resolved to
 * open_ids the way reminders resolve them.
 */
import type { DubanConfig } from '../config/schema.js';
import type { Unit } from '../domain/types.js';

/** A unit a person speaks for, and their role in it. */
export interface Membership {
  unit: string;
  name: string;
  role: 'liaison' | 'leader';
}

export interface People {
  /** The units this open_id is liaison or leader of (empty for anyone else). */
  memberships(openId: string | null): Membership[];
  /** The reviewer's name to sign decisions with, or null when this open_id is no reviewer. */
  reviewer(openId: string | null): string | null;
}

type Reviewer = DubanConfig['review']['reviewers'][number];
type Resolve = (accounts: string[]) => Promise<{ ids: Map<string, string> }>;

/** The accounts in one cell: "ou_a、ou_b", "a@x.cn; 13800000000". */
export function accountsIn(cell: string | null): string[] {
  return (cell ?? '').split(/[\s,，、;；/]+/).filter(Boolean);
}

/** Reviewers are signed with their name when the configuration gives one, else as the office. */
const reviewerEntry = (r: Reviewer) => (typeof r === 'string' ? { account: r, name: '督办办公室' } : r);

/** Builds the index; one batched lookup resolves every email and mobile. */
export async function indexPeople(units: readonly Unit[], reviewers: readonly Reviewer[], resolve: Resolve): Promise<People> {
  const members = units.flatMap((u) => [
    ...accountsIn(u.liaisonAccount).map((account) => ({ account, unit: u.name, name: u.liaison ?? u.name, role: 'liaison' as const })),
    ...accountsIn(u.leaderAccount).map((account) => ({ account, unit: u.name, name: u.leader ?? u.name, role: 'leader' as const })),
  ]);
  const office = reviewers.map(reviewerEntry);
  const { ids } = await resolve([...members.map((m) => m.account), ...office.map((r) => r.account)]);
  const byOpenId = new Map<string, Membership[]>();
  for (const m of members) {
    const id = ids.get(m.account);
    if (id) byOpenId.set(id, [...(byOpenId.get(id) ?? []), { unit: m.unit, name: m.name, role: m.role }]);
  }
  const reviewerNames = new Map(office.flatMap((r) => (ids.get(r.account) ? [[ids.get(r.account)!, r.name] as const] : [])));
  return {
    memberships: (openId) => (openId ? (byOpenId.get(openId) ?? []) : []),
    reviewer: (openId) => (openId ? (reviewerNames.get(openId) ?? null) : null),
  };
}

/** People per ledger read, built once for each (the directory only changes with the ledger). */
export function peopleFor(reviewers: readonly Reviewer[], resolve: Resolve): (parsed: { ledger: { units: readonly Unit[] } }) => Promise<People> {
  const cache = new WeakMap<object, Promise<People>>();
  return (parsed) => {
    let people = cache.get(parsed);
    if (!people) {
      people = indexPeople(parsed.ledger.units, reviewers, resolve);
      cache.set(parsed, people);
    }
    return people;
  };
}
