/**
 * Three short tones, drawn with WebAudio (no file to fetch or cache), where the browser lets the page make sound: the
 * kiosk hosts start Chromium with autoplay allowed; a plain browser tab that blocks it stays silent, never stuck.
 * Returns the function that stops it and gives the audio device back.
 */
export function playAlertTone(): () => void {
  const Context = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!Context) return () => undefined;
  let context: AudioContext;
  try {
    context = new Context();
  } catch {
    return () => undefined;
  }
  void context.resume().catch(() => undefined);
  const start = context.currentTime + 0.05;
  for (let i = 0; i < 3; i++) {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = i === 2 ? 660 : 880;
    gain.gain.setValueAtTime(0.0001, start + i * 0.5);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.5 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.5 + 0.35);
    tone.connect(gain).connect(context.destination);
    tone.start(start + i * 0.5);
    tone.stop(start + i * 0.5 + 0.4);
  }
  return () => void context.close().catch(() => undefined);
}
