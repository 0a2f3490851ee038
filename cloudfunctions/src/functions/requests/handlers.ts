import { requestsContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, signedIn, systemOnly } from '../../platform/policy';
import { mediaChecked } from '../../use-cases/media-checks/media-checked';
import { acceptRequest } from '../../use-cases/requests/accept-request';
import { addProgress } from '../../use-cases/requests/add-progress';
import { confirmGuidance } from '../../use-cases/requests/confirm-guidance';
import { countEscalated } from '../../use-cases/requests/count-escalated';
import { exportLedger } from '../../use-cases/requests/export-ledger';
import { getFigures } from '../../use-cases/requests/get-figures';
import { getRequest } from '../../use-cases/requests/get-request';
import { listHandlers } from '../../use-cases/requests/list-handlers';
import { listMyRequests } from '../../use-cases/requests/list-my-requests';
import { listRequests } from '../../use-cases/requests/list-requests';
import { listSimilar } from '../../use-cases/requests/list-similar';
import { mergeRequests } from '../../use-cases/requests/merge-requests';
import { rateRequest } from '../../use-cases/requests/rate-request';
import { inCompound, managesPlaceOf, onRequest } from '../../use-cases/requests/request-policy';
import { resolveRequest } from '../../use-cases/requests/resolve-request';
import { secondRequest } from '../../use-cases/requests/second-request';
import { submitRequest } from '../../use-cases/requests/submit-request';
import { sweepRequests } from '../../use-cases/requests/sweep-requests';
import { triageRequest } from '../../use-cases/requests/triage-request';

export const requestsFunction = defineFunction(
  requestsContract,
  {
    submit: act(inCompound, submitRequest),
    similar: act(inCompound, listSimilar),
    second: act(onRequest('second'), secondRequest),
    mine: act(signedIn, listMyRequests),
    get: act(onRequest('get'), getRequest),
    list: act(managesPlaceOf, listRequests),
    // only the caller's own posts are counted
    escalatedCount: act(signedIn, countEscalated),
    accept: act(onRequest('accept'), acceptRequest),
    handlers: act(onRequest('handlers'), listHandlers),
    triage: act(onRequest('triage'), triageRequest),
    progress: act(onRequest('progress'), addProgress),
    resolve: act(onRequest('resolve'), resolveRequest),
    rate: act(onRequest('rate'), rateRequest),
    confirm: act(onRequest('confirm'), confirmGuidance),
    merge: act(onRequest('merge'), mergeRequests),
    // published figures, as 12345 platforms publish theirs: aggregates only, no request behind them
    figures: act(anyone, getFigures),
    exportLedger: act(managesPlaceOf, exportLedger),
    sweep: act(systemOnly, (ctx) => sweepRequests(ctx)),
    // WeChat's image-check verdict, by message push: no phone may send it
    mediaChecked: act(systemOnly, mediaChecked),
  },
  { timer: { action: 'sweep', cron: '0 */5 * * * * *', everyMs: 300_000 }, push: { action: 'mediaChecked' }, workingDays: true },
);
