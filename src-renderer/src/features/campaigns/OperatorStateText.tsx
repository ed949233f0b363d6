import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface OperatorStateTextProps {
  /** A session state (ready, on_call, paused…) as the operator's state log keeps it. */
  state: string;
  reason: string | null;
  /** Whole minutes in the state (null: not known; under a minute goes unsaid rather than "for 0 min"). */
  minutes: number | null;
}

/** "Paused: lunch · for 12 min": an operator's state on the board, in the interface language. */
export function OperatorStateText({ state, reason, minutes }: OperatorStateTextProps) {
  const { t } = useTranslation();
  const stateText = t([`dialer.state.${state}`, 'dialer.state.unknown'], { state });
  const reasonText = reason === null ? null : t([`dialer.pauseReason.${reason}`, 'dialer.pauseReason.other']);
  return (
    <Text size="sm" data-testid="operator-state" data-state={state}>
      {reasonText ? t('dialer.stateWithReason', { state: stateText, reason: reasonText }) : stateText}
      {minutes !== null && minutes > 0 && ` · ${t('dialer.forMinutes', { count: minutes })}`}
    </Text>
  );
}
