import {
  createRequest,
  err,
  ok,
  shanghaiDate,
  type ActionParsed,
  type Place,
  type RequestDoc,
  type RequestsContract,
  type RequestSummary,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { writeChange } from './commit-request';
import { notifyRequest, type RosterCache } from './notify-request';
import { currentStaff } from '../place-staff';
import { readRuleSettings } from '../settings/read-settings';
import { checkPhotos } from './check-photos';
import { recordMediaChecks, withHeld } from './held-photos';
import { proxyLine, toSummary } from './request-views';
import { firstAnswer, type Replay } from '../idempotency';
import { representResident } from '../ledger/represent';

type Input = ActionParsed<RequestsContract, 'submit'>;

/**
 * 发现: a resident (or a compound's responder on their behalf) reports a problem. The client's
 * key becomes the request id, so a double tap or a retry after a dropped network is one request.
 * Text and photos pass the content check before anything is stored; a photo whose check answers
 * later (production) is stored held, seen only by the reporter until the verdict.
 */
export async function submitRequest(
  ctx: Ctx,
  input: Input,
  compound: Place,
): Promise<Result<{ request: RequestSummary; created: boolean }>> {
  const openid = callerOpenid(ctx);
  const { store, clock, contentCheck, calendar } = ctx.ports;
  const replay: Replay<'requests', { request: RequestSummary; created: boolean }> = {
    collection: 'requests',
    id: input.key,
    ownerOf: (r) => r.proxy?.openid ?? r.reporter.openid,
    answer: (r) => ({ request: toSummary(r, clock.now(), { viewer: openid }), created: false }),
  };
  const again = async () => (await firstAnswer(store, openid, replay)) ?? err('REQUEST.NOT_FOUND');

  // its policy has loaded the compound (and checked it is one)
  if (!compound.parentId) return err('PLACE.NOT_A_COMPOUND');
  // the compound's responders (told of the new request after it is written) are read meanwhile
  const rosters: RosterCache = new Map();
  const responders = currentStaff(store, [compound._id]);
  responders.catch(() => undefined); // not awaited when the submission stops early; notifyRequest logs a failure
  rosters.set(compound._id, responders);
  // one round trip's wait: an earlier submission with this key, the community, the district's rules
  // in force today (a later edit applies to requests filed after it) and the ledger's resident
  const [first, community, rules, resident] = await Promise.all([
    firstAnswer(store, openid, replay),
    store.get(COLLECTIONS.places, compound.parentId),
    readRuleSettings(store, compound.path[0] ?? '', shanghaiDate(clock.now())),
    input.onBehalfOf ? store.get(COLLECTIONS.ledgerResidents, input.onBehalfOf) : Promise.resolve(null),
  ]);
  if (first) return first;

  // 代办: a resident on the ledger, reported for by the compound's staff or 三长五员
  let proxied: {
    reporter: { openid: string; name: string; phone: string };
    proxy: NonNullable<RequestDoc['proxy']>;
    home: RequestDoc['location'];
  } | null = null;
  if (input.onBehalfOf) {
    const represented = await representResident(ctx, input.onBehalfOf, compound, resident);
    if (!represented.ok) return represented;
    const { resident: person, proxy } = represented.data;
    proxied = {
      reporter: { openid: represented.data.openid, name: person.name, phone: person.phone },
      proxy,
      home: { kind: 'home', text: person.room, householdId: person.householdId },
    };
  }

  let location: RequestDoc['location'];
  if (proxied && input.location.kind === 'home') location = proxied.home;
  else if (input.location.kind === 'home') {
    const home = ctx.caller.grants.find((g) => g.role === 'resident' && g.placePath.includes(compound._id));
    if (!home) return err('REQUEST.NOT_RESIDENT');
    // "1号楼1单元101" reads better than the full name that starts with the compound again
    const text = home.placeName.startsWith(compound.fullName) ? home.placeName.slice(compound.fullName.length) : home.placeName;
    location = { kind: 'home', text: text || home.placeName, householdId: home.placeId };
  } else location = { kind: 'spot', text: input.location.text };

  const verdict = await contentCheck.checkText(`${input.description}\n${location.text}`, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;

  const change = createRequest(
    {
      id: input.key,
      rules,
      compound: { _id: compound._id, name: compound.name, path: compound.path },
      communityName: community?.name ?? '',
      category: input.category,
      description: input.description,
      photos: input.photos,
      location,
      emergency: input.emergency,
      reporter: proxied?.reporter ?? { openid, name: ctx.caller.user?.name ?? '居民', phone: ctx.caller.user?.phone },
    },
    { now: clock.now(), calendar },
  );
  if (!change.ok) return change;
  if (proxied) {
    change.data.next.proxy = proxied.proxy;
    // the timeline's 发现 line says who acted for her, as every other view does
    change.data.events = change.data.events.map((e) => (e.kind === 'submitted' ? { ...e, actor: proxyLine(change.data.next) } : e));
  }
  const heldPhotos = withHeld(change.data.next, photos.data, openid);
  if (heldPhotos) change.data.next.heldPhotos = heldPhotos;
  const at = clock.now().toISOString();
  const written = await store.transaction(async (tx) => {
    // a concurrent retry with the same key may have landed since the first look
    if (await tx.get(COLLECTIONS.requests, input.key)) return null;
    // a verdict pushed before this commits is applied to the request written here
    const next = await recordMediaChecks(tx, change.data.next, 'request', openid, photos.data, at);
    return { next, events: await writeChange(tx, { ...change.data, next }, at) };
  });
  if (!written) return again();
  await notifyRequest(ctx, written.next, written.events, rosters);
  return ok({ request: toSummary(written.next, clock.now(), { viewer: openid }), created: true });
}
