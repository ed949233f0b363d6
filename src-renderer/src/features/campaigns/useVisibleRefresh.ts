import { useDocumentVisibility } from '@mantine/hooks';
import { useEffect } from 'react';

/** Calls `refresh` every `intervalMs` while the window is visible, and once when it becomes visible again. */
export function useVisibleRefresh(refresh: () => void, intervalMs: number): void {
  const visibility = useDocumentVisibility();
  useEffect(() => {
    if (visibility !== 'visible') return;
    refresh();
    const timer = window.setInterval(refresh, intervalMs);
    return () => window.clearInterval(timer);
  }, [visibility, refresh, intervalMs]);
}
