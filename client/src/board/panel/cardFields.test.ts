import { describe, expect, it } from 'vitest';
import { cardKinds, cardPropsSchemas } from '@boussole/shared';
import { cardFields, parseFieldValue } from './cardFields.js';

describe('side panel fields', () => {
  it('covers every content property of every card kind, and nothing else', () => {
    for (const kind of cardKinds) {
      const schemaKeys = Object.keys(cardPropsSchemas[kind].shape).filter(
        (k) => k !== 'w' && k !== 'h',
      );
      expect(cardFields[kind].map((f) => f.key).sort(), kind).toEqual(schemaKeys.sort());
    }
  });

  it('offers exactly the values each enum accepts, with French labels', () => {
    const status = cardFields.hypothesis.find((f) => f.key === 'status');
    expect(status?.input === 'select' && status.options.map((o) => o.label)).toEqual([
      'À vérifier',
      'Confirmée',
      'Infirmée',
      'Nuancée',
    ]);
    for (const kind of cardKinds) {
      for (const field of cardFields[kind]) {
        if (field.input !== 'select') continue;
        const schema = cardPropsSchemas[kind].shape[field.key as never] as {
          safeParse(v: unknown): { success: boolean };
        };
        for (const option of field.options)
          expect(schema.safeParse(option.value).success).toBe(true);
      }
    }
  });

  it('reads French decimal numbers and empty values', () => {
    const value = { key: 'value', label: 'Valeur', input: 'number' } as const;
    expect(parseFieldValue(value, '12,8')).toBe(12.8);
    expect(parseFieldValue(value, ' ')).toBeNull();
    expect(parseFieldValue(value, 'abc')).toBeNull();
  });
});
