import { describe, expect, it } from 'vitest';
import { TimerSound, type BeepAudioContext, type BeepAudioContextClass } from './timerSound.js';

/**
 * A fake AudioContext class, as a browser makes them: suspended until a gesture. `resume`
 * decides what resume() does; every call that matters is written in `log`, in order.
 */
function fakeAudio(resume: (context: { state: string }) => Promise<void>) {
  const log: string[] = [];
  let made = 0;
  class FakeContext {
    state = 'suspended';
    currentTime = 0;
    destination = {} as AudioNode;
    constructor() {
      made += 1;
      log.push('new');
    }
    resume(): Promise<void> {
      log.push(`resume (${this.state})`);
      return resume(this);
    }
    createOscillator(): OscillatorNode {
      return {
        frequency: { value: 0 },
        connect: (next: unknown) => next,
        start: () => {
          log.push(`start (${this.state})`);
        },
        stop() {},
      } as unknown as OscillatorNode;
    }
    createGain(): GainNode {
      return {
        gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
        connect: (next: unknown) => next,
      } as unknown as GainNode;
    }
  }
  const Context: BeepAudioContextClass = FakeContext as unknown as new () => BeepAudioContext;
  return { Context, log, made: () => made };
}

const running = (context: { state: string }) => {
  context.state = 'running';
  return Promise.resolve();
};

describe('TimerSound', () => {
  it('resumes a suspended context before the oscillator starts', async () => {
    const { Context, log } = fakeAudio(running);
    const sound = new TimerSound({ Context, hasBeenActive: () => true });
    await expect(sound.beep()).resolves.toBe(true);
    expect(log).toEqual(['new', 'resume (suspended)', 'start (running)']);
  });

  it('makes its context on the first gesture and keeps that one for every beep', async () => {
    const { Context, log, made } = fakeAudio(running);
    const sound = new TimerSound({ Context, hasBeenActive: () => undefined });
    sound.unlock();
    expect(log).toEqual(['new', 'resume (suspended)']);
    sound.unlock(); // already running: nothing more
    await expect(sound.beep()).resolves.toBe(true);
    await expect(sound.beep()).resolves.toBe(true);
    expect(made()).toBe(1);
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start (running)',
      'start (running)',
    ]);
  });

  it('does not throw and plays nothing when resume() rejects', async () => {
    const { Context, log } = fakeAudio(() => Promise.reject(new Error('not allowed')));
    const sound = new TimerSound({ Context, hasBeenActive: () => true });
    expect(() => sound.unlock()).not.toThrow();
    await expect(sound.beep()).resolves.toBe(false);
    expect(log.some((l) => l.startsWith('start'))).toBe(false);
  });

  it('does not throw when resume() itself throws, nor when the context cannot be made', async () => {
    const throwing = fakeAudio(() => {
      throw new Error('broken');
    });
    const sound = new TimerSound({ Context: throwing.Context, hasBeenActive: () => true });
    expect(() => sound.unlock()).not.toThrow();
    await expect(sound.beep()).resolves.toBe(false);

    class Refused {
      constructor() {
        throw new Error('no audio device');
      }
    }
    const none = new TimerSound({ Context: Refused as unknown as BeepAudioContextClass });
    expect(() => none.unlock()).not.toThrow();
    await expect(none.beep()).resolves.toBe(false);
    await expect(new TimerSound({ Context: undefined }).beep()).resolves.toBe(false);
  });

  it('leaves the cue to the eyes on a page that never had a gesture, without waiting', async () => {
    // A browser's resume() without a gesture waits for one: it must not beep late.
    const { Context, log } = fakeAudio(() => new Promise<void>(() => {}));
    const sound = new TimerSound({ Context, hasBeenActive: () => false });
    await expect(sound.beep()).resolves.toBe(false);
    expect(log).toEqual(['new']);
  });

  it('gives up on a resume() that never settles where the browser does not tell of gestures', async () => {
    const { Context, log } = fakeAudio(() => new Promise<void>(() => {}));
    const sound = new TimerSound({ Context, hasBeenActive: () => undefined, resumeWaitMs: 0 });
    await expect(sound.beep()).resolves.toBe(false);
    expect(log).toEqual(['new', 'resume (suspended)']);
  });
});
