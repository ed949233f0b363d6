import { Button, type ButtonProps } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '#contract';
import type { ItemPrefill } from './item-draft';
import { ItemEditor } from './ItemEditor';

export type { ItemPrefill } from './item-draft';

export interface PlanItemButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** What the new item starts with: kind, title, start, the contact (and company, deal, complaint, call) it is tied to. */
  prefill: ItemPrefill;
  label?: string;
  onSaved?: (item: CalendarItem) => void;
  testId?: string;
}

/** For other screens (the contact card, a call's wrap-up): a button that opens the calendar's item editor, prefilled. */
export function PlanItemButton({ prefill, label, onSaved, testId, ...button }: PlanItemButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button leftSection={<IconCalendarPlus size={16} />} variant="light" {...button} onClick={() => setOpen(true)} data-testid={testId ?? 'plan-item'}>
        {label ?? t('calendar.plan')}
      </Button>
      {open && (
        <ItemEditor
          target={{ prefill }}
          onClose={() => setOpen(false)}
          onSaved={(item) => {
            setOpen(false);
            onSaved?.(item);
          }}
        />
      )}
    </>
  );
}
