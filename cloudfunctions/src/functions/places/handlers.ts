import { err, ok, placesContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, placeOf, staffOf, staffOfPlace, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import type { LedgerImportDoc } from '../../ports/documents';
import { ledgerApply } from '../../use-cases/ledger/ledger-apply';
import { ledgerDryRun } from '../../use-cases/ledger/ledger-dry-run';
import { ledgerTemplate } from '../../use-cases/ledger/ledger-template';
import { searchResidents } from '../../use-cases/ledger/search-residents';
import { managesCompound } from '../../use-cases/requests/request-policy';
import { listChildren } from '../../use-cases/places/list-children';
import { searchCompounds } from '../../use-cases/places/search-compounds';

/** The compound's ledger is kept by the staff whose scope covers it. */
const compoundStaff = staffOf((i: { compoundId: string }) => i.compoundId, 'compound');

/** A dry run is applied by the staff of its compound (its path was kept on it). */
const importStaff: Policy<{ importId: string }, LedgerImportDoc> = {
  load: async (ctx, input) => {
    const doc = await ctx.ports.store.get(COLLECTIONS.ledgerImports, input.importId);
    return doc ? ok(doc) : err('LEDGER.IMPORT_NOT_FOUND');
  },
  allow: (caller, doc) => staffOfPlace(caller, { _id: doc.compoundId, path: doc.path }, undefined),
};

export const placesFunction = defineFunction(placesContract, {
  searchCompounds: act(anyone, searchCompounds),
  listChildren: act(anyone, listChildren),
  ledgerTemplate: act(compoundStaff, ledgerTemplate),
  ledgerDryRun: act(compoundStaff, ledgerDryRun),
  ledgerApply: act(importStaff, ledgerApply),
  // 代办: the staff over the compound and its 三长五员
  searchResidents: act(
    {
      load: placeOf((i: { compoundId: string }) => i.compoundId, 'compound'),
      allow: (caller, compound) => managesCompound(caller.grants, compound),
    },
    searchResidents,
  ),
});
