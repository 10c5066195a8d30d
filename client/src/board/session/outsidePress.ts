/**
 * Whether a press on `target` closes the « Animer » panel (`panel`: the facilitation strip
 * that holds it): a press elsewhere in the page's own
 * controls (the vote bar, the header, a card's side panel) means the facilitator moved on, and
 * the panel would otherwise stay over what she now uses (the vote's results, the side panel).
 * A press on the board keeps it open: choosing a step's area or a zone to lock is done by
 * selecting a theme or frame on the board while the panel is open.
 */
export function closesOnPress(target: EventTarget | null, panel: Element): boolean {
  if (!(target instanceof Element)) return false;
  if (panel.contains(target)) return false;
  // tldraw's own UI (menus, toolbar) lives inside the canvas's container too, but is not the
  // board: only presses on the board itself keep the panel open.
  if (target.closest('.tl-ui') !== null) return true;
  return target.closest('.tl-container') === null;
}
