import { PROPOSAL_STATUSES } from '../../../contracts/needs';
import { flag, oneOf, oneOfOr, text } from '../../kit/url-filters';

/**
 * The URL state of a campaign's page (/needs/campaigns/:id), so a filtered board can be linked: the tab,
 * the status or lateness the server filters by, and the unit search and "awaiting me" the browser applies.
 */
export const BOARD_URL = {
  tab: oneOfOr(['progress', 'consolidated'] as const, 'progress'),
  status: oneOf(PROPOSAL_STATUSES),
  late: flag(),
  q: text(),
  awaitingMe: flag({ param: 'mine' }),
};
