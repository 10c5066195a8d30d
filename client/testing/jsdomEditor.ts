import {
  Editor,
  defaultBindingUtils,
  defaultShapeTools,
  defaultTools,
  defaultAddFontsFromNode,
  tipTapDefaultExtensions,
} from 'tldraw';
import { boardShapeUtils, createBoardStore } from './boardPeers.js';

/**
 * A real tldraw editor with Boussole's shapes on a jsdom container (nothing is rendered):
 * enough to create, drag and read shapes the way the board page does. Call in a jsdom test.
 */
export function createJsdomEditor(): Editor {
  const container = document.createElement('div');
  const bounds = {
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    width: 1200,
    height: 800,
    right: 1200,
    bottom: 800,
  };
  container.getBoundingClientRect = () => ({ ...bounds, toJSON: () => bounds });
  document.body.appendChild(container);
  const editor = new Editor({
    store: createBoardStore(),
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools],
    getContainer: () => container,
    initialState: 'select',
    // Text shapes (template guidance) need tldraw's rich-text setup, as <Tldraw> provides.
    textOptions: {
      tipTapConfig: { extensions: tipTapDefaultExtensions },
      addFontsFromNode: defaultAddFontsFromNode,
    },
  });
  editor.updateViewportScreenBounds(container);
  return editor;
}
