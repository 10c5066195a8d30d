import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Each collaborator's caret and selection, with their name, in their colour. The name comes
 * from the awareness `user` field, which the server stamps with the person's real name; the
 * colour is the device's choice (see colourFor).
 */
export const CollaborationCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'collaborationCarets',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder(user: { name?: string; color?: string }) {
          const caret = document.createElement('span');
          caret.className = 'collab-caret';
          caret.style.borderColor = user.color ?? '#1d4ed8';
          const label = document.createElement('span');
          label.className = 'collab-caret-label';
          label.style.backgroundColor = user.color ?? '#1d4ed8';
          label.textContent = user.name ?? '';
          caret.append(label);
          return caret;
        },
      }),
    ];
  },
});

const palette = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#be185d'];

/** A stable colour per person, so the same caret looks the same on every screen. */
export function colourFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}
