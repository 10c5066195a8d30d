// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { useUiStore } from '../stores/uiStore.js';
import { CardToolbar } from './CardToolbar.js';

afterEach(() => {
  cleanup();
  act(() => useUiStore.setState({ language: 'fr' }));
});

describe('CardToolbar', () => {
  it('names the card kinds in the chosen language', () => {
    act(() => useUiStore.setState({ language: 'fr' }));
    render(<CardToolbar editor={undefined} />);
    expect(screen.getByRole('toolbar', { name: 'Cartes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '+ Préconisation' })).toBeTruthy();
    act(() => useUiStore.setState({ language: 'en' }));
    expect(screen.getByRole('toolbar', { name: 'Cards' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '+ Hypothesis' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '+ Préconisation' })).toBeNull();
  });
});
