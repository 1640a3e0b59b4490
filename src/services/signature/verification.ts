import { randomInt } from 'node:crypto';
import type { Config } from '../../config';
import { signatoriesOf } from '../../domain/signatories';
import { sha256 } from '../../documents/hash';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRepository } from '../../models/signatureRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { signatoryContextOf } from '../conventions/signatories';
import { signatoryAddresses } from './signatoryAddresses';

// No 0/O, 1/I/L: read on paper and typed by hand.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A sealed convention's public code (about 59 random bits): printed on its signature page, unique. */
export function newVerificationCode(): string {
  const raw = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return raw.match(/.{4}/g)!.join('-');
}

/** What a reader types: any case, with or without the dashes, spaces around. */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!new RegExp(`^[${alphabet}]{12}$`).test(compact)) return null;
  return compact.match(/.{4}/g)!.join('-');
}

export const verificationPath = (code: string) => `/verify/${code}`;

/** What the public page shows of a sealed convention: what its signature page prints, less (no e-mail, no IP). */
export interface VerifiedConvention {
  code: string;
  reference: string;
  sealedAt: Date;
  sha256: string;
  signatures: {
    party: string;
    name: string; /** As the signature page says it: `signature.trail.method.*`. */
    method: 'link' | 'paper' | 'electronic' | 'scan';
    at: string;
  }[];
}

export type VerificationResult =
  | { outcome: 'valid'; convention: VerifiedConvention; uploadedSha256?: string }
  | { outcome: 'modified'; convention: VerifiedConvention; uploadedSha256: string }
  | { outcome: 'unknown'; uploadedSha256?: string };

async function describe(
  db: Executor,
  document: { conventionId: number | null; verificationCode: string | null; createdAt: Date; sha256: string },
  config: Config,
) {
  const convention = (await conventionRepository.findById(db, document.conventionId!))!;
  const signatures = await signatureRepository.listForConvention(db, convention.id);
  const requests = await signatureRequestRepository.listForConvention(db, convention.id);
  const addresses = await signatoryAddresses(db, convention, config);
  const order = signatoriesOf(signatoryContextOf(convention));
  return {
    code: document.verificationCode ?? '',
    reference: convention.reference ?? String(convention.id),
    sealedAt: document.createdAt,
    sha256: document.sha256,
    signatures: order.flatMap((party) => {
      const signature = signatures.find((row) => row.party === party);
      if (!signature) return [];
      const electronic = requests.find((request) => request.party === party && request.status === 'signed');
      return [
        {
          party,
          name: electronic?.name ?? addresses.get(party)?.name ?? '',
          method: electronic ? ('link' as const) : signature.method,
          at: electronic?.decidedAt ? `${electronic.decidedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : signature.signedAt,
        },
      ];
    }),
  };
}

/**
 * The public check of a sealed convention: by its code (what was sealed), and, given the file, whether it is that
 * file byte for byte (valid) or not (modified); a file alone is valid when Pstage sealed exactly it, else unknown.
 */
export async function verifySignedConvention(
  db: Database,
  input: { code?: string; file?: Buffer },
  config: Config,
): Promise<VerificationResult> {
  const uploadedSha256 = input.file ? sha256(input.file) : undefined;
  const byCode = input.code ? await generatedDocumentRepository.findSigned(db, { verificationCode: input.code }) : undefined;
  if (input.code && !byCode) return { outcome: 'unknown', uploadedSha256 };
  const document = byCode ?? (uploadedSha256 ? await generatedDocumentRepository.findSigned(db, { sha256: uploadedSha256 }) : undefined);
  if (!document) return { outcome: 'unknown', uploadedSha256 };
  const convention = await describe(db, document, config);
  if (uploadedSha256 && uploadedSha256 !== document.sha256) return { outcome: 'modified', convention, uploadedSha256 };
  return { outcome: 'valid', convention, uploadedSha256 };
}
