import { describe, expect, it } from 'vitest';
import { Emitter } from './events.js';

describe('Emitter', () => {
  it('calls every listener of an event with its arguments, until it unsubscribes', () => {
    const events = new Emitter<{ joined: [name: string, count: number]; left: [] }>();
    const seen: string[] = [];
    const off = events.on('joined', (name, count) => seen.push(`a:${name}:${count}`));
    events.on('joined', (name) => seen.push(`b:${name}`));
    events.on('left', () => seen.push('left'));
    events.emit('joined', 'Aïcha', 1);
    off();
    events.emit('joined', 'Bruno', 2);
    events.emit('left');
    expect(seen).toEqual(['a:Aïcha:1', 'b:Aïcha', 'b:Bruno', 'left']);
  });

  it('delivers to the listeners present when the event was emitted', () => {
    const events = new Emitter<{ tick: [] }>();
    const seen: string[] = [];
    const offFirst = events.on('tick', () => {
      seen.push('first');
      offFirst();
      events.on('tick', () => seen.push('late'));
    });
    events.on('tick', () => seen.push('second'));
    events.emit('tick');
    expect(seen).toEqual(['first', 'second']);
  });
});
