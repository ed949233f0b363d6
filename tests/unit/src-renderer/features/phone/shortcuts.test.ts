import { describe, expect, it } from 'vitest';
import { AcceleratorSchema } from '#contract';
import { hotkeyOf } from '#renderer/features/phone/shortcuts';

describe('phone shortcuts', () => {
  it('turns an Electron accelerator into the window’s hotkey', () => {
    expect(hotkeyOf('CommandOrControl+Alt+A')).toBe('mod+alt+a');
    expect(hotkeyOf('Control+Shift+F5')).toBe('ctrl+shift+f5');
    expect(hotkeyOf('Super+Space')).toBe('meta+space');
  });

  it('accepts modifiers with one key and refuses the rest', () => {
    expect(AcceleratorSchema.safeParse('CommandOrControl+Alt+H').success).toBe(true);
    expect(AcceleratorSchema.safeParse('F9').success).toBe(true);
    expect(AcceleratorSchema.safeParse('Alt+').success).toBe(false);
    expect(AcceleratorSchema.safeParse('Ctrl+Alt+AB').success).toBe(false);
    expect(AcceleratorSchema.safeParse('Hyper+A').success).toBe(false);
  });
});
