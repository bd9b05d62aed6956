/**
 * What each share control shares, read from the address bar (url-sync.ts keeps it current): the
 * view (camera, layers, language), the open feature (`#feature=`), or the trip (`?trip=`). An
 * installed app has no address bar, so this is its only way to hand a link on.
 */
export type ShareSubject = 'view' | 'feature' | 'trip';

/**
 * The link for `subject` from the page's own `href`. The view leaves the open feature and the trip
 * out (someone shown a view did not ask for either); a feature keeps its hash; a trip keeps its
 * parameter and drops the hash and the camera, so the receiver's screen (often a phone) frames
 * the trip's stops rather than the sender's view.
 *
 * @example shareUrl('https://a.example/?view=1,2,3,0&trip=x#feature=green/g1', 'view') // 'https://a.example/?view=1,2,3,0'
 */
export function shareUrl(href: string, subject: ShareSubject): string {
  const url = new URL(href);
  if (subject !== 'feature') url.hash = '';
  if (subject === 'view') url.searchParams.delete('trip');
  if (subject === 'trip') url.searchParams.delete('view');
  return url.href;
}

/** The system share sheet, where the browser has one and says it can share this link. */
export function canUseShareSheet(navigatorLike: Partial<Pick<Navigator, 'share' | 'canShare'>>, url: string): boolean {
  if (typeof navigatorLike.share !== 'function') return false;
  if (typeof navigatorLike.canShare !== 'function') return true;
  try {
    return navigatorLike.canShare({ url });
  } catch {
    return false;
  }
}
