import { useCallback } from 'react';
import {
  DefaultColorStyle,
  DefaultStylePanel,
  TldrawUiButton,
  TldrawUiButtonIcon,
  TldrawUiPopover,
  TldrawUiPopoverContent,
  TldrawUiPopoverTrigger,
  getColorValue,
  useEditor,
  useRelevantStyles,
  useTranslation,
  useValue,
  type TLDefaultColorStyle,
  type TLComponents,
  type TLUiStylePanelProps,
} from 'tldraw';
import { LinkArrows } from './links/LinkArrows.js';

/**
 * On a wide screen tldraw keeps its style panel open in the top right corner whenever the
 * select tool is active, selection or not: it hides the cards of the board's right-hand column
 * (a theme, a matrix quadrant, a life stage). Here the corner holds one button, the colour in
 * use, that opens the panel below it on demand — the way tldraw already does on a phone.
 */
function StylePanelOnDemand(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const msg = useTranslation();
  const styles = useRelevantStyles();
  const color = styles?.get(DefaultColorStyle);
  const colorInUse = useValue(
    'style button colour',
    () => {
      const colors = editor.getCurrentTheme().colors[editor.getColorMode()];
      const name = color?.type === 'shared' ? (color.value as TLDefaultColorStyle) : 'black';
      return getColorValue(colors, name, 'solid');
    },
    [editor, color],
  );
  const noStyleHere = useValue(
    'style button disabled',
    () => editor.isInAny('hand', 'zoom', 'eraser', 'laser'),
    [editor],
  );
  const onOpenChange = useCallback(
    (open: boolean) => {
      if (!open) editor.updateInstanceState({ isChangingStyle: false });
    },
    [editor],
  );

  // Inside the popover (and in tldraw's own phone toolbar) this is the panel itself.
  if (props.isMobile) return <DefaultStylePanel {...props} />;
  if (!styles) return null;
  return (
    <div className="tlui-style-panel__on-demand">
      <TldrawUiPopover id="boussole style panel" onOpenChange={onOpenChange}>
        <TldrawUiPopoverTrigger>
          <TldrawUiButton
            type="tool"
            data-testid="style-panel.button"
            style={{ color: noStyleHere ? 'var(--tl-color-muted-1)' : colorInUse }}
            title={msg('style-panel.title')}
            disabled={noStyleHere}
          >
            <TldrawUiButtonIcon icon={color?.type === 'mixed' ? 'mixed' : 'blob'} />
          </TldrawUiButton>
        </TldrawUiPopoverTrigger>
        <TldrawUiPopoverContent side="bottom" align="end">
          <DefaultStylePanel {...props} isMobile />
        </TldrawUiPopoverContent>
      </TldrawUiPopover>
    </div>
  );
}

/** tldraw UI components the board page overrides: `<Tldraw components={boardUiComponents} />`. */
export const boardUiComponents: TLComponents = {
  StylePanel: StylePanelOnDemand,
  // Links between this board's cards, as arrows under the cards (links/LinkArrows.tsx).
  OnTheCanvas: LinkArrows,
};
