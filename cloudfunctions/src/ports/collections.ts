import type { SortOrder } from './store';

/** Every collection the functions use. */
export const COLLECTIONS = {
  places: 'places',
  users: 'users',
  bindings: 'bindings',
  invites: 'invites',
  teams: 'teams',
  teamChanges: 'team_changes',
  /** One document per phone that holds a 小区点长 post, so the post is unique across compounds. */
  pointLeaderPosts: 'point_leader_posts',
  services: 'services',
  outbox: 'outbox',
} as const;
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export interface IndexSpec {
  collection: CollectionName;
  name: string;
  fields: [string, SortOrder][];
  unique?: boolean;
}

/**
 * Declared once; applied to SQLite on start and to CloudBase by `npm run indexes:cloudbase`.
 * Every query the use cases run is served by one of these.
 */
export const INDEXES: IndexSpec[] = [
  { collection: 'places', name: 'places_parent', fields: [['parentId', 'asc'], ['sort', 'asc']] },
  { collection: 'places', name: 'places_kind_name', fields: [['kind', 'asc'], ['name', 'asc']] },
  { collection: 'bindings', name: 'bindings_openid', fields: [['openid', 'asc'], ['createdAt', 'desc']] },
  { collection: 'bindings', name: 'bindings_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'asc']] },
  { collection: 'team_changes', name: 'team_changes_compound', fields: [['compoundId', 'asc'], ['at', 'desc']] },
  { collection: 'services', name: 'services_community', fields: [['communityId', 'asc'], ['sort', 'asc']] },
  { collection: 'outbox', name: 'outbox_to', fields: [['toOpenid', 'asc'], ['createdAt', 'desc']] },
];
