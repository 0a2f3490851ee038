import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { deliberationFunction } from './handlers';

/** The deployed entry of the `deliberation` cloud function (议事厅: topics, 四议一审两公开, meetings, household votes). */
export const main = cloudbaseMain(deliberationFunction);
