import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ScreenErrorBoundaryProps {
  children: ReactNode;
}

interface BoundaryState {
  failed: boolean;
}

function ScreenFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="screen-failed">
      {t('errors.screenFailed')}
      <Button size="xs" variant="light" color="red" ml="md" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}

/**
 * A screen that fails to draw shows a notice in its place; the phone bar, the navigation and any
 * call in progress stay. Keyed by the area, so moving to another screen starts afresh.
 */
export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ScreenFailed onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
