import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ScreenTitleProps {
  children: ReactNode;
  actions?: ReactNode;
}

export function ScreenTitle({ children, actions }: ScreenTitleProps) {
  return (
    <Group justify="space-between" mb="md">
      <Title order={2}>{children}</Title>
      {actions}
    </Group>
  );
}
