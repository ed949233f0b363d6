import { DatePickerInput, DateTimePicker, type DatePickerInputProps, type DateTimePickerProps } from '@mantine/dates';

export type DateFieldProps = Omit<DatePickerInputProps, 'type' | 'valueFormat'>;

/** A calendar date ("YYYY-MM-DD"), picked in the interface language's calendar and shown as that language writes dates. */
export function DateField(props: DateFieldProps) {
  return <DatePickerInput valueFormat="L" clearable {...props} />;
}

export type DateTimeFieldProps = Omit<DateTimePickerProps, 'type' | 'valueFormat'>;

/** A date and time ("YYYY-MM-DD HH:mm:ss", local wall-clock time), in the interface language. */
export function DateTimeField(props: DateTimeFieldProps) {
  return <DateTimePicker valueFormat="L LT" {...props} />;
}
