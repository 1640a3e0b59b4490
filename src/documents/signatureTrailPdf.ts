import { documentTitle, fields, paragraph, sectionHeading } from './blocks';
import { createPdfDocument, renderToBuffer } from './layout';
import type { DocumentLanguage } from './types';

export interface SignatureTrailEntry {
  /** The party's role, in words ("Représentant de l'organisme d'accueil"). */
  role: string;
  name: string;
  email?: string;
  /** "électronique", "papier". */
  method: string;
  /** Date and time, already formatted for the document's language. */
  at: string;
  ip?: string;
  documentSha256?: string;
  /** The full name the signatory typed with their one-time code. */
  typedName?: string;
}

export interface SignatureTrailData {
  reference: string;
  /** SHA-256 of the validated convention every electronic signatory was shown. */
  documentSha256: string;
  sealedAt: string;
  institutionName: string;
  entries: SignatureTrailEntry[];
  /** Where anyone checks this document: the public page and its code. */
  verification?: { url: string; code: string };
}

const text = {
  fr: {
    title: 'Page de signatures',
    subtitle: 'Dossier de preuve de la signature électronique',
    intro:
      'Cette page est ajoutée à la convention validée, dont le contenu est inchangé. Le fichier entier est scellé par le cachet électronique de l’établissement.',
    document: 'Document signé',
    reference: 'Référence',
    hash: 'Empreinte SHA-256 de la convention',
    sealedAt: 'Scellé le',
    sealedBy: 'Cachet',
    signatures: 'Signatures',
    name: 'Nom',
    email: 'Courriel',
    method: 'Mode',
    at: 'Date et heure (UTC)',
    ip: 'Adresse IP',
    signedHash: 'Empreinte du document signé',
    typedName: 'Nom saisi (code reçu par courriel)',
    verify: 'Vérification',
    verifyText: (url: string, code: string) =>
      `Chacun peut vérifier ce document sur ${url} avec le code ${code} : la page dit s'il est intact, modifié ou inconnu.`,
    verifyCode: 'Code de vérification',
    page: (n: number, count: number) => `Page ${n}/${count}`,
  },
  en: {
    title: 'Signature page',
    subtitle: 'Evidence of the electronic signature',
    intro:
      'This page is added to the validated convention, whose content is unchanged. The whole file is sealed with the institution’s electronic seal.',
    document: 'Signed document',
    reference: 'Reference',
    hash: 'SHA-256 of the convention',
    sealedAt: 'Sealed on',
    sealedBy: 'Seal',
    signatures: 'Signatures',
    name: 'Name',
    email: 'E-mail',
    method: 'Method',
    at: 'Date and time (UTC)',
    ip: 'IP address',
    signedHash: 'Hash of the signed document',
    typedName: 'Name typed (code received by e-mail)',
    verify: 'Verification',
    verifyText: (url: string, code: string) =>
      `Anyone can check this document at ${url} with the code ${code}: the page says whether it is intact, modified or unknown.`,
    verifyCode: 'Verification code',
    page: (n: number, count: number) => `Page ${n}/${count}`,
  },
};

/** The audit trail appended to a signed convention: who signed, how, when, over which document. */
export function renderSignatureTrail(data: SignatureTrailData, language: DocumentLanguage): Promise<Buffer> {
  const t = text[language];
  const doc = createPdfDocument({ title: `${t.title} — ${data.reference}`, language });
  const build = () => {
    documentTitle(doc, t.title, t.subtitle);
    paragraph(doc, t.intro);
    sectionHeading(doc, t.document);
    fields(doc, [
      [t.reference, data.reference],
      [t.hash, data.documentSha256],
      [t.sealedAt, data.sealedAt],
      [t.sealedBy, data.institutionName],
      ...(data.verification ? ([[t.verifyCode, data.verification.code]] as [string, string][]) : []),
    ]);
    if (data.verification) paragraph(doc, t.verifyText(data.verification.url, data.verification.code));
    for (const entry of data.entries) {
      sectionHeading(doc, entry.role);
      fields(doc, [
        [t.name, entry.name],
        [t.typedName, entry.typedName],
        [t.email, entry.email],
        [t.method, entry.method],
        [t.at, entry.at],
        [t.ip, entry.ip],
        [t.signedHash, entry.documentSha256],
      ]);
    }
  };
  return renderToBuffer(doc, build, { title: t.title, reference: data.reference, pageLabel: t.page });
}
