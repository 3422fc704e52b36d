// The notifications a client can switch on or off per channel, each with the hint the card shows by it.
import { CHANNEL_NAMES } from '../messaging/channel';

export const NOTIFICATION_TYPES = ['booking_confirmation', 'reminder', 'birthday', 'marketing', 'loyalty'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_DESCRIPTIONS: Record<NotificationType, string> = {
  booking_confirmation: 'Confirms a booking when it is made, moved or cancelled.',
  reminder: 'Reminds the client of an upcoming appointment.',
  birthday: 'Birthday greetings, with any birthday offer.',
  marketing: 'Promotions and news; sent only while the client agrees to marketing.',
  loyalty: 'Bonuses accrued or expiring, and the e-card link.',
};

export const NOTIFICATION_CHANNELS = CHANNEL_NAMES;
