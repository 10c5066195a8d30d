/**
 * HTML and Markdown put the report title on top as the only level-1 heading, so report headings
 * move one level down: report level 1 becomes level 2, and so on, capped at 6. A heading may also
 * never sit more than one level below the previous one (a report whose first heading is level 3
 * gets a level 2), so screen readers and outline tools never meet a gap in the hierarchy.
 */
export class HeadingOutline {
  private lastLevel = 1;

  levelBelowTitle(reportLevel: number): number {
    const level = Math.max(2, Math.min(6, reportLevel + 1, this.lastLevel + 1));
    this.lastLevel = level;
    return level;
  }
}
