import { desc, eq } from 'drizzle-orm';
import type { MethodOutput } from '#contract';
import { defineHandlers } from '#core/api/registry';
import { imports } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { JobRunner } from '#core/workers/job-runner';
import type { JobRequest } from '#core/workers/protocol';
import { lookupCallerId } from './caller-id';
import { findCollisions } from './collisions';
import { createCompany, updateCompany } from './company-store';
import { getCompanyCard, listCompanies } from './companies';
import { complaintAnalysis } from './complaints/analysis';
import { addAction, addCause, addStep, completeStep, createComplaint, getComplaint, listCauses, listComplaints, saveCauses, transitionComplaint } from './complaints/complaints';
import { createContact, updateContact } from './contact-store';
import { getContactCard, listContacts } from './contacts';
import type { CrmContext } from './crm-context';
import { deleteCustomField, listCustomFields, saveCustomField } from './custom-fields';
import { createDeal, dealBoard, getDeal, getDealDetail, listDeals, listStages, moveDeal, saveStages, updateDeal } from './deals';
import { mergeContacts } from './duplicates';
import { listEmployees, saveEmployee } from './employees';
import { completePlanned, createInteraction, getTimelineItem, timeline } from './interactions';
import { erasePerson } from './privacy';
import { quickSearch } from './quick-search';
import { deleteSegment, listSegments, saveSegment } from './segments';
import { listTags } from './tags';
import { deleteTeam, listTeams, saveTeam } from './teams';
import { previewImport } from './transfer/preview';
import { toImportSummary } from './transfer/import-job';
import type { TransferStore } from './transfer/transfer-store';
import { startExport } from './transfer/export-start';
import { undoImport } from './transfer/undo-import';
import { verdictOut } from './phone-rows';
import { phonesToReview, resolvePhone } from './phone-review';
import { countryFromText } from '#core/shared/country-names';
import { emptyCampaignList } from '#core/dialer/files/campaign-list-join';
import { requireCampaign } from '#core/dialer/files/campaign-records';
import { readPhone } from '#core/shared/phone-reading';

export interface CrmHandlerDeps {
  ctx: CrmContext;
  jobs: JobRunner;
  transfers: TransferStore;
  logger: Logger;
  /** Deletes call recording files (a person's erasure removes theirs once committed). */
  removeRecordings: (fileNames: readonly string[]) => void;
}

/** The CRM's slice of the API: people and companies, their history, deals, complaints, segments, files. */
export function crmHandlers({ ctx, jobs, transfers, logger, removeRecordings }: CrmHandlerDeps) {
  const { database, clock, ids } = ctx;
  const db = database.read;
  const countries = () => ctx.settings().workingCountries;
  const me = () => ctx.settings().currentEmployeeId;
  const importSummary = (id: string): MethodOutput<'imports.get'> => {
    const row = db.select().from(imports).where(eq(imports.id, id)).get();
    if (!row) throw notFound('Import', id);
    return toImportSummary(row);
  };
  const exportTo = (fileName: string, job: (target: { fileId: string; file: string }) => JobRequest) => startExport({ jobs, transfers, logger }, fileName, job);

  return defineHandlers({
    'employees.list': () => listEmployees(db),
    'employees.save': (input) => database.write((tx) => saveEmployee(tx, input, ids, clock)),
    'teams.list': () => listTeams(db),
    'teams.save': (input) => database.write((tx) => saveTeam(ctx, tx, input)),
    'teams.delete': ({ id }) => {
      database.write((tx) => deleteTeam(ctx, tx, id));
      return { ok: true as const };
    },

    'contacts.list': (request) => listContacts(db, request, countries(), clock.now()),
    'contacts.get': ({ id }) => getContactCard(db, id),
    'contacts.create': (input) => getContactCard(db, database.write((tx) => createContact(ctx, tx, input))),
    'contacts.update': ({ id, contact }) => {
      database.write((tx) => updateContact(ctx, tx, id, contact));
      return getContactCard(db, id);
    },
    'contacts.merge': ({ keepId, mergeIds }) => {
      database.write((tx) => mergeContacts(ctx, tx, keepId, mergeIds));
      return getContactCard(db, keepId);
    },
    'contacts.duplicates': async ({ limit }) => (await jobs.run({ kind: 'contacts.duplicates', params: { limit } }).finished).result as never,

    'companies.list': (request) => listCompanies(db, request, countries()),
    'companies.get': ({ id }) => getCompanyCard(db, id),
    'companies.create': (input) => getCompanyCard(db, database.write((tx) => createCompany(ctx, tx, input))),
    'companies.update': ({ id, company }) => {
      database.write((tx) => updateCompany(ctx, tx, id, company));
      return getCompanyCard(db, id);
    },

    'tags.list': () => listTags(db),
    'customFields.list': () => listCustomFields(db),
    'customFields.save': (input) => database.write((tx) => saveCustomField(tx, input, ids, clock)),
    'customFields.delete': ({ id }) => {
      database.write((tx) => deleteCustomField(tx, id));
      return { ok: true as const };
    },

    'search.quick': ({ text, limit }) => quickSearch(db, text, limit, countries()),
    'callerId.lookup': ({ number }) => lookupCallerId(db, number, countries()),
    'phones.read': ({ items, countries: asked }) =>
      items.map((item) => {
        const working = asked ?? countries();
        const own = item.country ? countryFromText(item.country) : null;
        return verdictOut(readPhone(item.raw, own ? [own, ...working.filter((c) => c !== own)] : working));
      }),
    'phones.review': (page) => phonesToReview(db, page),
    'phones.resolve': (input) => database.write((tx) => resolvePhone(ctx, tx, input)),
    'collisions.check': (request) => findCollisions(db, request, me(), clock.now()),

    'timeline.list': (request) => timeline(db, request),
    'interactions.create': (input) => getTimelineItem(db, database.write((tx) => createInteraction(ctx, tx, input))),
    'interactions.complete': ({ id, outcome }) => {
      database.write((tx) => completePlanned(ctx, tx, id, outcome));
      return getTimelineItem(db, id);
    },

    'deals.stages': () => listStages(db),
    'deals.saveStages': (input) => database.write((tx) => saveStages(ctx, tx, input)),
    'deals.board': (request) => dealBoard(db, request, clock.now()),
    'deals.list': (request) => listDeals(db, request),
    'deals.get': ({ id }) => getDealDetail(db, id),
    'deals.create': (input) => getDeal(db, database.write((tx) => createDeal(ctx, tx, input))),
    'deals.update': ({ id, deal }) => {
      database.write((tx) => updateDeal(ctx, tx, id, deal));
      return getDeal(db, id);
    },
    'deals.move': ({ id, stageId }) => {
      database.write((tx) => moveDeal(ctx, tx, id, stageId));
      return getDeal(db, id);
    },

    'complaints.causes': () => listCauses(db),
    'complaints.saveCauses': (input) => database.write((tx) => saveCauses(ctx, tx, input)),
    'complaints.addCause': ({ name }) => database.write((tx) => addCause(ctx, tx, name)),
    'complaints.list': (request) => listComplaints(db, request),
    'complaints.get': ({ id }) => getComplaint(db, id),
    'complaints.create': (input) => getComplaint(db, database.write((tx) => createComplaint(ctx, tx, input))),
    'complaints.transition': (input) => {
      database.write((tx) => transitionComplaint(ctx, tx, input));
      return getComplaint(db, input.id);
    },
    'complaints.addStep': (input) => {
      database.write((tx) => addStep(ctx, tx, input));
      return getComplaint(db, input.complaintId);
    },
    'complaints.completeStep': ({ complaintId, stepId }) => {
      database.write((tx) => completeStep(ctx, tx, complaintId, stepId));
      return getComplaint(db, complaintId);
    },
    'complaints.addAction': ({ complaintId, text }) => {
      database.write((tx) => addAction(ctx, tx, complaintId, text));
      return getComplaint(db, complaintId);
    },
    'complaints.analysis': (request) => complaintAnalysis(db, request),

    'segments.list': () => listSegments(db, logger),
    'segments.save': (input) => database.write((tx) => saveSegment(tx, input, ids, clock)),
    'segments.delete': ({ id }) => {
      database.write((tx) => deleteSegment(tx, id));
      return { ok: true as const };
    },

    'files.upload': ({ uploadId, fileName, chunkBase64, final }) => transfers.appendUpload(uploadId, fileName, Buffer.from(chunkBase64, 'base64'), final),
    'files.download': ({ fileId, offset }) => {
      const { chunk, ...rest } = transfers.read(fileId, offset);
      return { ...rest, chunkBase64: chunk.toString('base64') };
    },
    'imports.preview': async (options) => {
      const upload = transfers.upload(options.uploadId);
      return previewImport({ ...options, ...upload }, listCustomFields(db));
    },
    'imports.start': (options) => {
      const upload = transfers.upload(options.uploadId);
      if (options.campaign) requireCampaign(db, options.campaign.id);
      const importId = ids.next();
      const now = clock.now();
      const format = options.format ?? (upload.fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : upload.fileName.toLowerCase().endsWith('.vcf') ? 'vcard' : 'csv');
      const campaignList = options.campaign ? emptyCampaignList(options.campaign) : null;
      database.write((tx) =>
        tx.insert(imports).values({ id: importId, fileName: upload.fileName, format, state: 'running', campaignList, employeeId: me(), startedAt: now }).run(),
      );
      const job = jobs.run({
        kind: 'import.contacts',
        params: {
          now,
          importId,
          file: upload.file,
          fileName: upload.fileName,
          format: options.format,
          encoding: options.encoding,
          delimiter: options.delimiter,
          hasHeader: options.hasHeader,
          mapping: options.mapping,
          duplicates: options.duplicates,
          workingCountries: options.workingCountries ?? countries(),
          employeeId: me(),
          campaign: options.campaign,
        },
      });
      return { jobId: job.jobId, importId };
    },
    'imports.get': ({ id }) => importSummary(id),
    'imports.list': () => db.select().from(imports).orderBy(desc(imports.startedAt)).limit(50).all().map(toImportSummary),
    'imports.undo': ({ id }) => {
      database.write((tx) => undoImport(tx, id));
      return importSummary(id);
    },
    'exports.start': ({ format, filter }) =>
      exportTo(`contacts-${new Date(clock.now()).toISOString().slice(0, 10)}.${format === 'vcard' ? 'vcf' : format}`, (target) => ({
        kind: 'export.contacts',
        params: { now: clock.now(), ...target, format, filter },
      })),

    'privacy.export': ({ contactId }) => {
      getContactCard(db, contactId);
      return exportTo(`personal-data-${contactId}.json`, (target) => ({ kind: 'export.person', params: { now: clock.now(), ...target, contactId } }));
    },
    'privacy.erase': ({ contactId, reason, confirmName }) => {
      if (!me()) throw new DomainError('conflict', 'choose_who_you_are', 'Choose who you are in Settings first: an erasure records who made it');
      const { recordingFiles, ...erasure } = database.write((tx) => erasePerson(ctx, tx, contactId, reason, confirmName));
      removeRecordings(recordingFiles);
      return erasure;
    },
  });
}
