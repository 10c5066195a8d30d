import type { Page } from 'playwright-core';

/** The countdown the facilitation strip shows on `page`, in seconds (undefined while none). */
export async function shownSeconds(page: Page): Promise<number | undefined> {
  const time = page.getByTestId('session-time');
  if ((await time.count()) === 0) return undefined;
  const match = /^(\d+):(\d\d)$/.exec((await time.innerText()).trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}
