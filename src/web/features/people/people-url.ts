/**
 * The people list's filters as they live in the URL (kit url-filters), so a filtered list (for
 * example one post group, issue 16) can be linked, reloaded and walked with back/forward.
 */
import { PEOPLE_SORT_KEYS } from '../../../contracts/people';
import {
  oneOf,
  positiveInt,
  postGroup,
  readUrlFilters,
  text,
  type UrlField,
  writeUrlFilters,
} from '../../kit/url-filters';
import type { PeopleFilters } from './api/people';

export const PEOPLE_PAGE_SIZES = [20, 50, 100, 200];
const DEFAULT_PAGE_SIZE = 50;

/** Sub-units are included unless the URL says `subtree=false`. */
const subtree: UrlField<boolean> = {
  read: (raw) => raw !== 'false',
  write: (v) => (v === false ? 'false' : undefined),
};

export const peopleUrlSchema = {
  sort: oneOf(PEOPLE_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  unitId: positiveInt(),
  subtree,
  category: text(),
  rank: text(),
  leadershipTier: text(),
  post: text(),
  postGroup: postGroup(),
  status: text(),
};

export function readPeopleFilters(sp: URLSearchParams): PeopleFilters {
  const page = Number(sp.get('page'));
  const size = Number(sp.get('pageSize'));
  return {
    ...readUrlFilters(peopleUrlSchema, sp),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PEOPLE_PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function writePeopleFilters(f: PeopleFilters): URLSearchParams {
  const { page, pageSize, ...filters } = f;
  // Without a unit there is no subtree to choose.
  const sp = writeUrlFilters(peopleUrlSchema, {
    ...filters,
    subtree: filters.unitId ? filters.subtree : true,
  });
  if (page > 1) sp.set('page', String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) sp.set('pageSize', String(pageSize));
  return sp;
}
