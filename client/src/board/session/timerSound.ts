/**
 * « Son à zéro »: a short beep from WebAudio (no file to fetch) when a countdown ends.
 *
 * Browsers create an AudioContext suspended until the page had a user gesture (Chrome's
 * autoplay policy), and its resume() then waits for one: a context made at zero on a page
 * never clicked plays nothing. So the page makes its one context on the first gesture
 * (`unlock`, called from a pointerdown or keydown while the timer has sound on), and `beep`
 * resumes it before playing. Without any gesture it gives up quietly: the countdown's visual
 * cue at zero is then the only one. Nothing here throws.
 */

/** The part of an AudioContext the beep uses (a fake one in unit tests). */
export interface BeepAudioContext {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: AudioNode;
  resume(): Promise<void>;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
}

export type BeepAudioContextClass = new () => BeepAudioContext;

export interface TimerSoundOptions {
  /** The AudioContext class (the browser's, looked up when first needed, by default). */
  Context?: BeepAudioContextClass | undefined;
  /**
   * Whether the page ever had a user gesture (navigator.userActivation); undefined where the
   * browser does not tell.
   */
  hasBeenActive?: () => boolean | undefined;
  /** How long to wait for resume() where the browser does not tell about gestures. */
  resumeWaitMs?: number;
}

const BEEP_SECONDS = 0.6;

function browserContext(): BeepAudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined;
  return (
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  );
}

function browserActivation(): boolean | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation
    ?.hasBeenActive;
}

/** Settles when `promise` does, or after `ms` (a resume() that waits for a gesture never does). */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

export class TimerSound {
  private context: BeepAudioContext | null = null;
  private readonly Context: () => BeepAudioContextClass | undefined;
  private readonly hasBeenActive: () => boolean | undefined;
  private readonly resumeWaitMs: number;

  constructor(options: TimerSoundOptions = {}) {
    const { Context } = options;
    this.Context = 'Context' in options ? () => Context : browserContext;
    this.hasBeenActive = options.hasBeenActive ?? browserActivation;
    this.resumeWaitMs = options.resumeWaitMs ?? 1_000;
  }

  /** The page's one context, made on first need; null where there is no WebAudio. */
  private audio(): BeepAudioContext | null {
    if (this.context) return this.context;
    const Context = this.Context();
    if (!Context) return null;
    try {
      this.context = new Context();
    } catch {
      return null;
    }
    return this.context;
  }

  /**
   * Called during a user gesture: the context made (or resumed) now is allowed to run, so
   * the beep at zero can sound on a page clicked only once, long before.
   */
  unlock(): void {
    try {
      const audio = this.audio();
      if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
    } catch {
      // No audio device: the visual cue stays.
    }
  }

  /** Plays the beep; resolves whether it could (false: the visual cue is the only one). */
  async beep(): Promise<boolean> {
    try {
      const audio = this.audio();
      if (!audio) return false;
      if (audio.state !== 'running') {
        // Never a gesture on this page: resume() would wait for one and beep later, out of time.
        if (this.hasBeenActive() === false) return false;
        let resumed: Promise<void>;
        try {
          resumed = audio.resume();
        } catch (error) {
          resumed = Promise.reject(error);
        }
        await settledWithin(resumed, this.resumeWaitMs);
        if (audio.state !== 'running') return false;
      }
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + BEEP_SECONDS);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + BEEP_SECONDS);
      return true;
    } catch {
      // No audio device, or the browser refused: the visual cue stays.
      return false;
    }
  }
}

/** The page's timer sound, shared by every board opened in it. */
export const timerSound = new TimerSound();
