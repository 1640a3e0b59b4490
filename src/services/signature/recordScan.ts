import type { Clock } from '../../clock';
import type { SignatureParty } from '../../domain/workflow';
import { sha256 } from '../../documents/hash';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { checkSignatureDate, fieldError } from '../office/fieldError';
import { lockedConvention, type OfficeCommand } from '../office/officeCommand';
import { recordPartySignature } from '../office/recordSignature';
import { signatureFacts, validatedOn } from '../office/signatureFacts';
import { requestSignatures, type CircuitContext } from './requestSignatures';

/** A scanned convention of a few pages: 20 MB leaves room for a colour scan at 300 dpi. */
export const scanMaxBytes = 20 * 1024 * 1024;

export interface ScanRecord {
  /** The parties whose signature the scan carries; 'all': every party still to sign. */
  parties: SignatureParty[] | 'all';
  /** The day the signed original was received, 'YYYY-MM-DD'. */
  signedAt: string;
  file: { filename: string; bytes: Buffer };
}

/** A PDF is what a PDF reader opens: the magic bytes, then a document pdf-lib can read with at least one page. */
export async function isReadablePdf(bytes: Buffer): Promise<boolean> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  // pdf-lib is loaded at the first scan, not with the app.
  const { PDFDocument } = await import('pdf-lib');
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return document.getPageCount() > 0;
  } catch {
    return false;
  }
}

/**
 * The office uploads the scan of a convention signed outside Pstage, for some or all of the parties: the scan is
 * kept as a document (it is the signed original for them), each of them is recorded as signed by `scan`, their
 * open links are revoked, and the circuit goes on (the dean's link once every party has signed). One transaction.
 */
export async function recordScanSignatures(
  db: Database,
  command: OfficeCommand & ScanRecord,
  clock: Clock,
  circuit: Pick<CircuitContext, 'config'>,
) {
  if (command.file.bytes.length > scanMaxBytes) throw fieldError('scan', 'office.scan.errors.tooLarge');
  if (!(await isReadablePdf(command.file.bytes))) throw fieldError('scan', 'office.scan.errors.notPdf');
  return db.transaction(async (tx) => {
    let convention = await lockedConvention(tx, command);
    if (convention.state !== 'validated') throw new AppError(409, 'office.scan.errors.notAwaited');
    checkSignatureDate(command.signedAt, clock.today(), await validatedOn(tx, convention.id));
    const facts = await signatureFacts(tx, convention);
    const unsigned = facts.parties.filter((party) => !facts.signedParties.includes(party));
    const chosen = command.parties === 'all' ? unsigned : command.parties;
    const foreign = chosen.find((party) => !facts.parties.includes(party));
    if (foreign) throw fieldError('parties', 'office.scan.errors.notASignatory');
    if (chosen.some((party) => facts.signedParties.includes(party))) throw fieldError('parties', 'office.scan.errors.alreadySigned');
    if (chosen.length === 0) throw fieldError('parties', 'office.scan.errors.nothingToRecord');
    const bytes = command.file.bytes;
    const document = await documentRepository.create(tx, {
      conventionId: convention.id,
      kind: 'signed_scan',
      filename: command.file.filename.slice(0, 200) || `convention-${convention.reference ?? convention.id}-scan.pdf`,
      contentType: 'application/pdf',
      size: bytes.length,
      bytes,
      sha256: sha256(bytes),
      academicYear: convention.academicYear,
    });
    // In the convention's signing order, so that the history reads as the parties sign.
    for (const party of facts.parties.filter((candidate) => chosen.includes(candidate)))
      convention = await recordPartySignature(
        tx,
        convention,
        { party, signedAt: command.signedAt, method: 'scan', documentId: document.id },
        command.officeUserId,
        clock,
      );
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'signature.scan_recorded',
      targetType: 'convention',
      targetId: convention.id,
      details: { parties: chosen, documentId: document.id, sha256: document.sha256, filename: document.filename, size: bytes.length },
    });
    if ((await signatureRequestRepository.listForConvention(tx, convention.id)).length > 0)
      await requestSignatures(tx, convention, { config: circuit.config, clock }, command.officeUserId);
    return convention;
  });
}
