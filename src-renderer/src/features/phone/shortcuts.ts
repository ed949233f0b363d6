import type { PhoneShortcutAction } from '#contract';

/** Electron's accelerator spelling ("CommandOrControl+Alt+A") in Mantine's hotkey spelling ("mod+alt+a"). */
export function hotkeyOf(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => {
      const key = part.toLowerCase();
      if (key === 'commandorcontrol') return 'mod';
      if (key === 'control') return 'ctrl';
      if (key === 'super') return 'meta';
      return key;
    })
    .join('+');
}

export const shortcutOrder: readonly PhoneShortcutAction[] = ['answer', 'hangup', 'hold', 'mute', 'transfer'];
