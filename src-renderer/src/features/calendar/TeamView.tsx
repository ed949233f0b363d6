import { Box, Text } from '@mantine/core';
import type { CalendarOccurrence, Employee } from '#contract';
import { CalendarGrid, type GridMove } from './CalendarGrid';

export interface TeamViewProps {
  date: Date;
  employees: readonly Employee[];
  occurrences: readonly CalendarOccurrence[];
  onOpen: (occurrence: CalendarOccurrence) => void;
  onMove: (move: GridMove) => void;
  onCreate: (slot: { start: number; end: number; allDay: boolean; ownerId: string }) => void;
}

/** Several colleagues' days side by side, one time grid each (FullCalendar's resource views are not ours to use). */
export function TeamView({ date, employees, occurrences, onOpen, onMove, onCreate }: TeamViewProps) {
  const byOwner = new Map<string, CalendarOccurrence[]>();
  for (const occurrence of occurrences) {
    if (!occurrence.ownerId) continue;
    byOwner.set(occurrence.ownerId, [...(byOwner.get(occurrence.ownerId) ?? []), occurrence]);
  }
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: `repeat(${Math.max(1, employees.length)}, minmax(180px, 1fr))`, gap: 4, height: '100%', overflowX: 'auto' }} data-testid="calendar-team">
      {employees.map((employee, index) => (
        <Box key={employee.id} style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }} data-testid="calendar-team-column" data-employee-id={employee.id}>
          <Text fw={600} ta="center" size="sm" truncate="end">
            {employee.name}
          </Text>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <CalendarGrid
              view="timeGridDay"
              date={date}
              occurrences={byOwner.get(employee.id) ?? []}
              column={{ showAxis: index === 0 }}
              onRange={() => undefined}
              onOpen={onOpen}
              onMove={onMove}
              onCreate={(slot) => onCreate({ ...slot, ownerId: employee.id })}
            />
          </Box>
        </Box>
      ))}
    </Box>
  );
}
