// Moved to http/paging.ts; kept so callers not yet updated (files/routes.ts) still resolve.
export { MAX_PAGE, paging } from '../http/paging';
