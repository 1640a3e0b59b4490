import { renderAmendmentPdf } from '../../documents/amendmentPdf';
import { renderAttestation } from '../../documents/attestationPdf';
import { renderConventionPdf } from '../../documents/conventionPdf';
import { renderFicheDeLiaison } from '../../documents/ficheDeLiaisonPdf';
import { renderEvaluationPdf } from '../../documents/evaluationPdf';

/** Every PDF Pstage renders, by name: what the render worker can be asked for, with plain (cloneable) arguments. */
export const pdfRenderers = {
  convention: (...args: Parameters<typeof renderConventionPdf>) => renderConventionPdf(...args),
  attestation: (...args: Parameters<typeof renderAttestation>) => renderAttestation(...args),
  amendment: (...args: Parameters<typeof renderAmendmentPdf>) => renderAmendmentPdf(...args),
  ficheDeLiaison: (...args: Parameters<typeof renderFicheDeLiaison>) => renderFicheDeLiaison(...args),
  evaluation: (...args: Parameters<typeof renderEvaluationPdf>) => renderEvaluationPdf(...args),
};

export type PdfKind = keyof typeof pdfRenderers;
export type PdfArguments<K extends PdfKind> = Parameters<(typeof pdfRenderers)[K]>;

export function renderPdf<K extends PdfKind>(kind: K, args: PdfArguments<K>): Promise<Buffer> {
  return (pdfRenderers[kind] as (...input: PdfArguments<K>) => Promise<Buffer>)(...args);
}
