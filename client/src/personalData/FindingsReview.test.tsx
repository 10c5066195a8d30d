// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { FindingDecision } from '@boussole/shared';
import { useUiStore } from '../stores/uiStore.js';
import { FindingsReview, type ReviewFinding } from './FindingsReview.js';

beforeEach(() => {
  act(() => useUiStore.setState({ language: 'fr' }));
});

afterEach(() => {
  cleanup();
  act(() => useUiStore.setState({ language: 'fr' }));
});

function finding(id: string, kind: ReviewFinding['kind'], text: string, replacement: string) {
  return { id, kind, text, replacement, before: 'avant ', after: ' après', where: `Carte ${id}` };
}

const findings: ReviewFinding[] = [
  finding('p1', 'person', 'Mme Georgette Lambert', '[Personne A]'),
  finding('t1', 'phone', '06 12 34 56 78', '[téléphone]'),
  finding('p2', 'person', 'M. Rachid Benali', '[Personne B]'),
];

interface State {
  decisions: Record<string, FindingDecision>;
  defaultDecision: 'accept' | 'reject';
}

/** The review with its state held the way a page holds it; the latest state is exposed. */
function renderReview(items: ReviewFinding[] = findings) {
  const seen: { state: State } = { state: { decisions: {}, defaultDecision: 'accept' } };
  function Host() {
    const [state, setState] = useState<State>(seen.state);
    seen.state = state;
    return (
      <FindingsReview
        findings={items}
        decisions={state.decisions}
        defaultDecision={state.defaultDecision}
        onChange={(decisions, defaultDecision) => setState({ decisions, defaultDecision })}
      />
    );
  }
  render(<Host />);
  return seen;
}

const group = (name: RegExp) => screen.getByRole('group', { name });

describe('FindingsReview', () => {
  it('shows each finding highlighted in its context, grouped by kind with counts', () => {
    renderReview();
    const people = group(/^Personne \(2\)/);
    expect(within(people).getAllByRole('listitem')).toHaveLength(2);
    const mark = within(group(/Carte p1/)).getByText('Mme Georgette Lambert', { selector: 'mark' });
    expect(mark.parentElement?.textContent).toBe('avant Mme Georgette Lambert après');
    expect(
      within(group(/^Téléphone \(1\)/)).getByText(/06 12 34 56 78/, {
        selector: 'mark',
      }),
    ).toBeTruthy();
    expect(screen.getByText(/3 données personnelles trouvées · 0 décidées sur 3/)).toBeTruthy();
    // Undecided findings follow the default: replacement proposed.
    const accept = within(group(/Carte p1/)).getByRole('radio', {
      name: 'Remplacer par « [Personne A] »',
    }) as HTMLInputElement;
    expect(accept.checked).toBe(true);
    // The import page has no card to show: no « Voir la carte » without onLocate.
    expect(screen.queryByRole('button', { name: 'Voir la carte' })).toBeNull();
  });

  it('accepts, edits and rejects one finding, and decides a whole kind', () => {
    const seen = renderReview();
    fireEvent.click(within(group(/Carte p1/)).getByRole('radio', { name: 'Garder tel quel' }));
    expect(seen.state.decisions).toEqual({ p1: { action: 'reject' } });
    expect(screen.getByText(/1 décidées sur 3/)).toBeTruthy();

    const input = within(group(/Carte t1/)).getByRole('textbox', { name: /Texte de remplacement/ });
    expect((input as HTMLInputElement).value).toBe('[téléphone]');
    fireEvent.change(input, { target: { value: '[tél. du CIAS]' } });
    expect(seen.state.decisions.t1).toEqual({ action: 'edit', replacement: '[tél. du CIAS]' });
    const edit = within(group(/Carte t1/)).getByRole('radio', {
      name: 'Remplacer par un autre texte',
    }) as HTMLInputElement;
    expect(edit.checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Tout refuser (Personne)' }));
    expect(seen.state.decisions).toEqual({
      p1: { action: 'reject' },
      p2: { action: 'reject' },
      t1: { action: 'edit', replacement: '[tél. du CIAS]' },
    });
    expect(within(group(/^Personne/)).getByText(/2 · 0 remplacées, 2 gardées/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tout accepter (Personne)' }));
    expect(seen.state.decisions.p2).toEqual({ action: 'accept' });
  });

  it('changes the default decision for what nobody decided', () => {
    const seen = renderReview();
    fireEvent.click(screen.getByRole('radio', { name: 'garder le texte tel quel' }));
    expect(seen.state.defaultDecision).toBe('reject');
    const keep = within(group(/Carte p2/)).getByRole('radio', {
      name: 'Garder tel quel',
    }) as HTMLInputElement;
    expect(keep.checked).toBe(true);
  });

  it('renders 500 findings a page at a time', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      finding(`m${i}`, i % 2 ? 'email' : 'person', `nom${i}`, `[Personne ${i}]`),
    );
    renderReview(many);
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    fireEvent.click(
      within(group(/^Personne/)).getByRole('button', { name: /Afficher 25 de plus/ }),
    );
    expect(within(group(/^Personne/)).getAllByRole('listitem')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Tout refuser (Courriel)' }));
    expect(screen.getByText(/250 décidées sur 500/)).toBeTruthy();
  });

  it('speaks English when the interface does', () => {
    act(() => useUiStore.setState({ language: 'en' }));
    renderReview();
    expect(screen.getByRole('group', { name: /^Person \(2\)/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accept all (Person)' })).toBeTruthy();
  });
});
