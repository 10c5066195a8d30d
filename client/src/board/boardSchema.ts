/** Stored-schema checks live in shared: the server validates board content with them too. */
export { isSchemaNewer, parseStoredSchema } from '@boussole/shared';
