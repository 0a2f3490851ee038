import type { DepartmentDoc, DepartmentStatDoc, DispatchCaseDoc, DispatchDoc } from '@linli/shared';

/**
 * 网格吹哨、部门报到: the collections of the `departments` function, spread into COLLECTIONS,
 * INDEXES and Documents (collections.ts, documents.ts).
 */
export const DEPARTMENT_COLLECTIONS = {
  /** Functional departments and public-service units, id from the registrar's idempotency key. */
  departments: 'departments',
  /** One per (request, department), id `${requestId}:${departmentId}`: a department's part. */
  dispatches: 'dispatches',
  /** One per dispatched request (id = request id): its lead, written conditionally for 首接负责. */
  dispatchCases: 'dispatch_cases',
  /** Counters per (department, month of dispatch), id `${departmentId}:${month}`, kept in each part's step: the ranking reads these. */
  departmentStats: 'department_stats',
} as const;

export type DepartmentDocuments = {
  departments: DepartmentDoc;
  dispatches: DispatchDoc;
  dispatch_cases: DispatchCaseDoc;
  department_stats: DepartmentStatDoc;
};

type Name = (typeof DEPARTMENT_COLLECTIONS)[keyof typeof DEPARTMENT_COLLECTIONS] | 'requests';

export const DEPARTMENT_INDEXES: { collection: Name; name: string; fields: [string, 'asc' | 'desc'][] }[] = [
  // the dispatcher's choice and the district's list: a district's departments
  {
    collection: 'departments',
    name: 'departments_district',
    fields: [
      ['districtId', 'asc'],
      ['name', 'asc'],
    ],
  },
  // a request's parts
  {
    collection: 'dispatches',
    name: 'dispatches_request',
    fields: [
      ['requestId', 'asc'],
      ['dispatchedAt', 'asc'],
    ],
  },
  // a department's inbox, by its 报到 deadline
  {
    collection: 'dispatches',
    name: 'dispatches_inbox',
    fields: [
      ['departmentId', 'asc'],
      ['status', 'asc'],
      ['reportBy', 'asc'],
    ],
  },
  // the sweep: one range of what is due
  { collection: 'dispatches', name: 'dispatches_due', fields: [['dueAt', 'asc']] },
  // the monthly ranking of a district: each of its departments' month
  {
    collection: 'dispatches',
    name: 'dispatches_department_month',
    fields: [
      ['departmentId', 'asc'],
      ['month', 'asc'],
    ],
  },
  // the monthly ranking from counters: a district's departments' month documents
  {
    collection: 'department_stats',
    name: 'department_stats_district_month',
    fields: [
      ['districtId', 'asc'],
      ['month', 'asc'],
    ],
  },
  // one department's months, for its rates month by month
  {
    collection: 'department_stats',
    name: 'department_stats_department_month',
    fields: [
      ['departmentId', 'asc'],
      ['month', 'asc'],
    ],
  },
  // a district's requests of a month counted by source (网格巡查, 12345 …)
  {
    collection: 'requests',
    name: 'requests_district_source',
    fields: [
      ['districtId', 'asc'],
      ['source', 'asc'],
      ['createdAt', 'asc'],
    ],
  },
];
