/** Lives in shared: the server validates board content with the same validators. */
export { tldrawPropsFromZod, type TldrawPropValidators } from '@boussole/shared';
