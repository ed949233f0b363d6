/** The demo dataset's rows, shaped as the tables store them (see seed.ts for where each goes). */
import type { DealStageKey } from '#contract';

export interface DemoTeam { id: string; name: string; createdAt: number; updatedAt: number }
export interface DemoEmployee { id: string; name: string; extension: string; teamId: string; createdAt: number }
export interface DemoStage { id: string; name: string; key: DealStageKey; position: number; probability: number; outcome: 'open' | 'won' | 'lost' }
export interface DemoCause { id: string; name: string; position: number }
export interface DemoCompany {
  id: string; name: string; searchName: string; city: string; address: string; website: string | null; notes: string;
  responsibleId: string; createdAt: number; updatedAt: number;
}
export interface DemoContact {
  id: string; companyId: string | null; firstName: string; lastName: string; middleName: string; fullName: string;
  searchName: string; position: string | null; city: string | null; responsibleId: string; notes: string; createdAt: number; updatedAt: number;
}
/** A phone as stored: the reading's country and national number beside the text (see phoneReadingColumns). */
export interface DemoPhoneRow { raw: string; e164: string; country: string; nsn: string; status: 'ok'; position: number; updatedAt: number }
export interface DemoContactPhone extends DemoPhoneRow { id: string; contactId: string; kind: 'mobile' | 'work' }
export interface DemoCompanyPhone extends DemoPhoneRow { id: string; companyId: string; kind: 'work' }
export interface DemoEmail { id: string; contactId: string; email: string; emailNormalized: string; position: number }
export interface DemoInteraction {
  id: string; kind: 'call' | 'meeting' | 'planned' | 'email' | 'note'; direction: 'in' | 'out' | null; occurredAt: number;
  employeeId: string; contactId: string | null; companyId: string | null; complaintId: string | null; subject: string;
  outcome: string | null; durationSeconds: number | null; createdAt: number;
}
/** What the phone recorded about a call of the last days (older calls were logged by hand). */
export interface DemoCall {
  interactionId: string; direction: 'in' | 'out'; remoteNumber: string; remoteRaw: string; remoteKey: string;
  startedAt: number; answeredAt: number | null; endedAt: number; endedBy: 'local' | 'remote';
  disposition: 'answered' | 'missed' | 'busy' | 'no_answer'; jitterMs: number | null; packetLossPercent: number | null; roundTripMs: number | null; mos: number | null;
  /** What operator KPIs read: the operator, answered time without hold, hold, and the time to the wrap-up (none for a missed call). */
  employeeId: string; campaignId: string | null; talkSeconds: number; holdSeconds: number; wrapUpSeconds: number | null;
}
export interface DemoDeal {
  id: string; title: string; companyId: string; contactId: string; stageId: string; amount: number; currency: string;
  probability: number; expectedCloseAt: number; ownerId: string; closedAt: number | null; createdAt: number; updatedAt: number;
}
export interface DemoStageMove { id: string; dealId: string; fromStageId: string | null; toStageId: string; changedAt: number; employeeId: string }
export type DemoComplaintState = 'new' | 'investigating' | 'resolved' | 'closed';
export interface DemoComplaint {
  id: string; number: number; contactId: string; companyId: string | null; causeId: string; subject: string; description: string;
  state: DemoComplaintState; responsibleId: string; resolution: string | null; result: 'satisfied' | 'partially' | 'rejected' | null;
  registeredAt: number; resolvedAt: number | null; closedAt: number | null; updatedAt: number;
}
export interface DemoComplaintStep { id: string; complaintId: string; title: string; assigneeId: string; dueAt: number; doneAt: number | null; position: number }
export interface DemoComplaintEvent {
  id: string; complaintId: string; at: number; employeeId: string; kind: 'action' | 'state'; text: string;
  fromState: DemoComplaintState | null; toState: DemoComplaintState | null;
}
export interface DemoEvent {
  id: string; kind: 'meeting' | 'interaction'; title: string; startsAt: number; endsAt: number; rangeEndsAt: number; location: string | null; contactId: string;
  ownerId: string; reminderMinutes: number | null; createdAt: number; updatedAt: number;
}

/** One coherent slice of the dataset: whole companies with their people and all their history. */
export interface DemoBatch {
  teams: DemoTeam[];
  employees: DemoEmployee[];
  stages: DemoStage[];
  causes: DemoCause[];
  companies: DemoCompany[];
  companyPhones: DemoCompanyPhone[];
  contacts: DemoContact[];
  phones: DemoContactPhone[];
  emails: DemoEmail[];
  interactions: DemoInteraction[];
  calls: DemoCall[];
  deals: DemoDeal[];
  stageMoves: DemoStageMove[];
  complaints: DemoComplaint[];
  complaintSteps: DemoComplaintStep[];
  complaintEvents: DemoComplaintEvent[];
  events: DemoEvent[];
}

export function emptyBatch(): DemoBatch {
  return {
    teams: [], employees: [], stages: [], causes: [], companies: [], companyPhones: [], contacts: [], phones: [], emails: [], interactions: [],
    calls: [], deals: [], stageMoves: [], complaints: [], complaintSteps: [], complaintEvents: [], events: [],
  };
}
