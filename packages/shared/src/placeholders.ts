// The `{name}` placeholders a message template may use: the server fills them, the composers offer them.
export const PLACEHOLDERS = ['first_name', 'last_name', 'discount', 'balance', 'salon_name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
