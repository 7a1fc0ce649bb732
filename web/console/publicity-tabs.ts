/** The 宣传 page's tabs, each with its own address (/console/publicity/<tab>); the shell's router accepts them. */
export const PUBLICITY_TABS = ['activities', 'monitoring', 'articles', 'channels'] as const;
export type PublicityTab = (typeof PUBLICITY_TABS)[number];
