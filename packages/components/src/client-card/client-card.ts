import { CbClientCard } from './client-card.component.js';
import { CbClientCardAccount } from './sections/account.component.js';
import { CbClientCardEcard } from './sections/ecard.component.js';
import { CbClientCardFiles } from './sections/files.component.js';
import { CbClientCardInfo } from './sections/info.component.js';
import { CbClientCardLoyalty } from './sections/loyalty.component.js';
import { CbClientCardMessages } from './sections/messages.component.js';
import { CbClientCardNotifications } from './sections/notifications.component.js';
import { CbClientCardSend } from './sections/send.component.js';
import { CbClientCardStats } from './sections/stats.component.js';
import { CbClientCardVisits } from './sections/visits.component.js';

export {
  CbClientCard,
  CbClientCardAccount,
  CbClientCardEcard,
  CbClientCardFiles,
  CbClientCardInfo,
  CbClientCardLoyalty,
  CbClientCardMessages,
  CbClientCardNotifications,
  CbClientCardSend,
  CbClientCardStats,
  CbClientCardVisits,
};

const tags: [string, CustomElementConstructor][] = [
  ['cb-client-card-info', CbClientCardInfo],
  ['cb-client-card-visits', CbClientCardVisits],
  ['cb-client-card-stats', CbClientCardStats],
  ['cb-client-card-account', CbClientCardAccount],
  ['cb-client-card-messages', CbClientCardMessages],
  ['cb-client-card-send', CbClientCardSend],
  ['cb-client-card-files', CbClientCardFiles],
  ['cb-client-card-loyalty', CbClientCardLoyalty],
  ['cb-client-card-ecard', CbClientCardEcard],
  ['cb-client-card-notifications', CbClientCardNotifications],
  ['cb-client-card', CbClientCard],
];
for (const [tag, element] of tags) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'cb-client-card': CbClientCard;
    'cb-client-card-info': CbClientCardInfo;
    'cb-client-card-visits': CbClientCardVisits;
    'cb-client-card-stats': CbClientCardStats;
    'cb-client-card-account': CbClientCardAccount;
    'cb-client-card-messages': CbClientCardMessages;
    'cb-client-card-send': CbClientCardSend;
    'cb-client-card-files': CbClientCardFiles;
    'cb-client-card-loyalty': CbClientCardLoyalty;
    'cb-client-card-ecard': CbClientCardEcard;
    'cb-client-card-notifications': CbClientCardNotifications;
  }
}
