// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { closesOnPress } from './outsidePress.js';

function page() {
  document.body.innerHTML = `
    <header><button id="export">Exporter</button></header>
    <details id="panel"><summary id="summary">Animer</summary><input id="minutes" /></details>
    <div class="tl-container"><div class="tl-canvas"><div id="shape"></div></div>
      <div class="tl-ui"><button id="tool">Sélection</button></div></div>
    <div class="vote-bar"><button id="close-vote">Clôturer le vote</button></div>`;
  const el = (id: string) => document.getElementById(id)!;
  return { el, panel: el('panel') };
}

describe('closesOnPress', () => {
  it('closes the panel on a press in the page’s other controls', () => {
    const { el, panel } = page();
    expect(closesOnPress(el('close-vote'), panel)).toBe(true);
    expect(closesOnPress(el('export'), panel)).toBe(true);
    expect(closesOnPress(el('tool'), panel)).toBe(true);
  });

  it('keeps it open for presses inside it and on the board, where areas are chosen', () => {
    const { el, panel } = page();
    expect(closesOnPress(el('minutes'), panel)).toBe(false);
    expect(closesOnPress(el('summary'), panel)).toBe(false);
    expect(closesOnPress(el('shape'), panel)).toBe(false);
    expect(closesOnPress(null, panel)).toBe(false);
  });
});
