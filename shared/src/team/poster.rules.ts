import { z } from 'zod';
import type { Service } from '../catalogue/service.schema';
import { findHeads } from '../notices/notice.rules';
import { teamRoleSchema, type TeamMember } from './team.schema';
import { groupByRole, sortMembers } from './team.rules';

/**
 * The printed 服务联系卡 (张贴海报): what staff print for a compound's gate or a building's
 * entrance. Its content comes from the same team document and ordering as the card page
 * (`groupByRole` over `sortMembers`), and its `fingerprint` tells later whether the team changed
 * since it was printed.
 */
export const POSTER_KINDS = ['compound', 'building'] as const;
export const posterKindSchema = z.enum(POSTER_KINDS);
export type PosterKind = z.infer<typeof posterKindSchema>;

/** The page a poster's code opens (the card), as WeChat's wxacode takes it: no slash, no query. */
export const POSTER_CODE_PAGE = 'pages/card/index';

const posterPersonSchema = z.object({
  name: z.string(),
  phone: z.string(),
  dutyHours: z.string(),
  title: z.string().optional(),
  checkpoint: z.string().optional(),
});
export type PosterPerson = z.infer<typeof posterPersonSchema>;

const headSchema = z.object({ name: z.string(), phone: z.string(), title: z.string() });

export const posterSchema = z.object({
  kind: posterKindSchema,
  /** The compound, or the building, the poster is for. */
  placeId: z.string(),
  /** e.g. 中捷木材小区 or 中捷木材小区 1号楼 */
  title: z.string(),
  compound: z.object({
    _id: z.string(),
    name: z.string(),
    fullName: z.string(),
    address: z.string().optional(),
    communityName: z.string(),
  }),
  /** Only a building poster: its 楼栋长 and each unit's 单元长 (from the team's titles). */
  building: z
    .object({
      _id: z.string(),
      name: z.string(),
      head: headSchema.nullable(),
      units: z.array(z.object({ unitId: z.string(), unitName: z.string(), head: headSchema.nullable() })),
    })
    .optional(),
  /** Every role that has someone, in the card's order. */
  groups: z.array(z.object({ role: teamRoleSchema, label: z.string(), members: z.array(posterPersonSchema) })),
  /** The community's service hall (党群服务中心): where, when, which phone. Null without a catalogue. */
  hall: z.object({ location: z.string(), hours: z.string(), phone: z.string() }).nullable(),
  /**
   * The mini-program code (wxacode.getUnlimited, scene = compound id) kept in cloud storage, with
   * a link the app can draw it from. Null where there is no mini-program (the local host, H5):
   * the app draws a QR code of the card's H5 link instead.
   */
  miniCode: z.object({ fileId: z.string(), url: z.string() }).nullable(),
  /** What the code opens: the card page and its scene (the compound id). */
  code: z.object({ page: z.string(), scene: z.string() }),
  fingerprint: z.string(),
  generatedAt: z.string(),
});
export type Poster = z.infer<typeof posterSchema>;

/** The card's members as a poster prints them: sorted and grouped as the card is, empty roles left out. */
export function posterGroups(members: TeamMember[]): Poster['groups'] {
  return groupByRole(sortMembers(members))
    .filter((g) => g.members.length > 0)
    .map((g) => ({
      role: g.role,
      label: g.label,
      members: g.members.map((m) => ({
        name: m.name,
        phone: m.phone,
        dutyHours: m.dutyHours,
        ...(m.title ? { title: m.title } : {}),
        ...(m.checkpoint ? { checkpoint: m.checkpoint } : {}),
      })),
    }));
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two printed teams apart, no crypto needed. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The team as it is printed: every field a poster shows (role, checkpoint, title, name, phone,
 * duty hours) in the card's order. A change of anything else (services, an id) keeps it.
 */
export function teamFingerprint(members: TeamMember[]): string {
  const printed = posterGroups(members).map((g) => [
    g.role,
    g.members.map((m) => [m.checkpoint ?? '', m.title ?? '', m.name, m.phone, m.dutyHours]),
  ]);
  return fnv1a(JSON.stringify(printed));
}

/** A building poster's heads: the 楼栋长, then each unit's 单元长 (`findHeads`, as the door list finds them). */
export function buildingHeads(
  members: readonly TeamMember[],
  buildingName: string,
  units: readonly { _id: string; name: string }[],
): { head: z.infer<typeof headSchema> | null; units: { unitId: string; unitName: string; head: z.infer<typeof headSchema> | null }[] } {
  return {
    head: findHeads(members, buildingName, '').building ?? null,
    units: units.map((u) => ({ unitId: u._id, unitName: u.name, head: findHeads(members, buildingName, u.name).unit ?? null })),
  };
}

/**
 * The community's service hall from its catalogue: the first 便民服务 (else the first service) in
 * the catalogue's order, whose location, hours and phone are the hall's.
 */
export function hallOf(services: readonly Pick<Service, 'category' | 'location' | 'hours' | 'contact'>[]): Poster['hall'] {
  const hall = services.find((s) => s.category === 'convenience') ?? services[0];
  return hall ? { location: hall.location, hours: hall.hours, phone: hall.contact } : null;
}

/** Which printed posters are out of date: those whose team fingerprint is not the team's now. */
export function outdatedPosters<P extends { fingerprint: string }>(posters: readonly P[], members: TeamMember[]): P[] {
  const now = teamFingerprint(members);
  return posters.filter((p) => p.fingerprint !== now);
}
