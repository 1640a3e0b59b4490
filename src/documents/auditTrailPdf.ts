import { documentTitle, fields, paragraph, sectionHeading, subHeading } from './blocks';
import { createPdfDocument, renderToBuffer } from './layout';
import type { DocumentLanguage } from './types';

export interface AuditTrailRequest {
  role: string;
  name: string;
  email: string;
  status: string;
  sentAt: string;
  decidedAt?: string;
  ip?: string;
  /** The SHA-256 of the document the signatory decided on. */
  sha256?: string;
}

export interface AuditTrailData {
  reference: string;
  institutionName: string;
  generatedAt: string;
  /** Every personal request of the circuit, the revoked and replaced ones too. */
  requests: AuditTrailRequest[];
  /** Each amendment sent for signature: the document its signatories saw, its requests, the signatures recorded. */
  amendments: {
    title: string;
    sha256?: string;
    requests: AuditTrailRequest[];
    signatures: { role: string; signedAt: string; method: string }[];
  }[];
  /** The convention's audit log, oldest first: sendings, codes, signatures, refusals, reminders, revocations… */
  entries: { at: string; who: string; action: string; details: string }[];
}

const text = {
  fr: {
    title: 'Journal d’audit',
    subtitle: 'Circuit de signature et actions sur la convention',
    intro: (generatedAt: string) =>
      `Extrait du journal d’audit de Pstage le ${generatedAt}. Les heures sont en temps universel (UTC). Ce document accompagne la convention signée ; il n’est pas scellé.`,
    convention: 'Convention',
    reference: 'Référence',
    institution: 'Établissement',
    requests: 'Demandes de signature',
    name: 'Nom',
    email: 'Courriel',
    status: 'État',
    sentAt: 'Envoyée le',
    decidedAt: 'Close le',
    ip: 'Adresse IP',
    sha256: 'Empreinte SHA-256 du document',
    amendments: 'Avenants',
    amendmentRequests: 'Demandes de signature de l’avenant',
    signatures: 'Signatures enregistrées',
    entries: 'Journal',
    who: 'Par',
    details: 'Détails',
    none: 'Aucune entrée.',
    page: (n: number, count: number) => `Page ${n}/${count}`,
  },
  en: {
    title: 'Audit trail',
    subtitle: 'Signature circuit and actions on the convention',
    intro: (generatedAt: string) =>
      `Extract of Pstage’s audit log on ${generatedAt}. Times are in UTC. This document accompanies the signed convention; it is not sealed.`,
    convention: 'Convention',
    reference: 'Reference',
    institution: 'Institution',
    requests: 'Signature requests',
    name: 'Name',
    email: 'E-mail',
    status: 'Status',
    sentAt: 'Sent on',
    decidedAt: 'Closed on',
    ip: 'IP address',
    sha256: 'SHA-256 of the document',
    amendments: 'Amendments',
    amendmentRequests: 'Signature requests of the amendment',
    signatures: 'Signatures recorded',
    entries: 'Log',
    who: 'By',
    details: 'Details',
    none: 'No entry.',
    page: (n: number, count: number) => `Page ${n}/${count}`,
  },
};

/** The office's export of a convention's audit trail (issue 14): requests of the circuit, then every logged action. */
export function renderAuditTrail(data: AuditTrailData, language: DocumentLanguage): Promise<Buffer> {
  const t = text[language];
  const doc = createPdfDocument({ title: `${t.title} — ${data.reference}`, language });
  const build = () => {
    documentTitle(doc, t.title, t.subtitle);
    paragraph(doc, t.intro(data.generatedAt));
    sectionHeading(doc, t.convention);
    fields(doc, [
      [t.reference, data.reference],
      [t.institution, data.institutionName],
    ]);
    sectionHeading(doc, t.requests);
    const requests = (list: AuditTrailRequest[]) => {
      if (list.length === 0) paragraph(doc, t.none);
      for (const request of list) {
        subHeading(doc, request.role);
        fields(doc, [
          [t.name, request.name],
          [t.email, request.email],
          [t.status, request.status],
          [t.sentAt, request.sentAt],
          [t.decidedAt, request.decidedAt],
          [t.ip, request.ip],
          [t.sha256, request.sha256],
        ]);
      }
    };
    requests(data.requests);
    if (data.amendments.length > 0) sectionHeading(doc, t.amendments);
    for (const amendment of data.amendments) {
      subHeading(doc, amendment.title);
      fields(doc, [[t.sha256, amendment.sha256]]);
      paragraph(doc, t.amendmentRequests);
      requests(amendment.requests);
      paragraph(doc, t.signatures);
      if (amendment.signatures.length === 0) paragraph(doc, t.none);
      for (const signature of amendment.signatures) paragraph(doc, `${signature.role} — ${signature.signedAt} (${signature.method})`);
    }
    sectionHeading(doc, t.entries);
    if (data.entries.length === 0) paragraph(doc, t.none);
    for (const entry of data.entries) {
      subHeading(doc, `${entry.at} — ${entry.action}`);
      fields(doc, [
        [t.who, entry.who],
        [t.details, entry.details],
      ]);
    }
  };
  return renderToBuffer(doc, build, { title: t.title, reference: data.reference, pageLabel: t.page });
}
