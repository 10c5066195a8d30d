import { isEqual } from '@tldraw/utils';
import { T } from '@tldraw/validate';
import type { z } from 'zod';

export type TldrawPropValidators<S extends z.ZodRawShape> = {
  [K in keyof S]: T.Validator<z.output<S[K]>>;
};

/**
 * One tldraw validator per field of a card's zod schema, so the shape props are declared once
 * (cards.ts) and the client's tldraw store checks exactly what the server checks. Each field
 * validator runs the field's zod schema and keeps tldraw's contract: it returns the very value
 * it was given, and, when that value equals the last known good one, the known good one (so an
 * unchanged array does not look like an edit to the store).
 */
export function tldrawPropsFromZod<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
): TldrawPropValidators<S> {
  const validators: Partial<Record<keyof S, T.Validator<unknown>>> = {};
  for (const key of Object.keys(schema.shape) as (keyof S & string)[]) {
    const field = schema.shape[key] as z.ZodType;
    const validate = (value: unknown): unknown => {
      const result = field.safeParse(value);
      if (!result.success) {
        throw new T.ValidationError(result.error.issues[0]?.message ?? `${key}: invalid value`);
      }
      return value;
    };
    validators[key] = new T.Validator(validate, (knownGood, next) => {
      validate(next);
      return isEqual(knownGood, next) ? knownGood : next;
    });
  }
  return validators as TldrawPropValidators<S>;
}
