import { PDFDocument } from 'pdf-lib';
import { renderConventionPdf } from '../src/documents/conventionPdf';
import { sha256 } from '../src/documents/hash';
import { renderSignatureTrail } from '../src/documents/signatureTrailPdf';
import { selfSignedSeal } from '../src/services/signature/sealCertificate';
import { sealPdf } from '../src/services/signature/sealPdf';
import { sampleConvention } from '../test/documents/conventionFixture';

const count = 20;
const password = 'bench';

/** Milliseconds per run of `work`, over `count` runs after one warm-up. */
async function timed(work: (index: number) => Promise<unknown>): Promise<number> {
  await work(-1);
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index++) await work(index);
  return Number(process.hrtime.bigint() - started) / 1e6 / count;
}

/**
 * Sealing a convention: the validated PDF and its signature page merged, then signed (PAdES) with the institution's
 * PKCS#12. Measured beside two baselines in the same run (these shared machines vary): rendering the convention
 * PDF itself, and the merge alone without the signature, so the seal's own cost reads as a ratio.
 */
export default async function sealBench(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const validatedPdf = await renderConventionPdf(sampleConvention(), { draft: false });
  const trailPdf = await renderSignatureTrail(
    {
      reference: 'CONV-2026-000001',
      documentSha256: sha256(validatedPdf),
      sealedAt: '2026-12-02 10:00:00 UTC',
      institutionName: 'Université Exemple',
      entries: ['Étudiant', 'Organisme d’accueil', 'Tuteur', 'Enseignant référent', 'Doyen'].map((role, index) => ({
        role,
        name: `Signataire ${index}`,
        method: 'Signature électronique (lien personnel)',
        at: '2026-12-01 09:00:00 UTC',
        documentSha256: sha256(validatedPdf),
      })),
      verification: { url: 'https://pstage.example.fr/verify', code: 'ABCD-EFGH-JKLM' },
    },
    'fr',
  );
  const p12 = selfSignedSeal('Université Exemple', password);
  const at = new Date('2026-12-02T10:00:00Z');
  const render = await timed((index) => renderConventionPdf(sampleConvention({ reference: `CONV-2026-${index + 2}` }), { draft: false }));
  const merge = await timed(async () => {
    const document = await PDFDocument.load(validatedPdf);
    const trail = await PDFDocument.load(trailPdf);
    for (const page of await document.copyPages(trail, trail.getPageIndices())) document.addPage(page);
    return document.save({ useObjectStreams: false });
  });
  let bytes = 0;
  const seal = await timed(async () => {
    const sealed = await sealPdf({ validatedPdf, trailPdf, p12, password, institutionName: 'Université Exemple', location: 'Lyon', at });
    bytes = sealed.length;
  });
  return {
    name: `seal a convention PDF (${count} runs each)`,
    figures: {
      'render convention ms (baseline)': Number(render.toFixed(1)),
      'merge without seal ms (baseline)': Number(merge.toFixed(1)),
      'seal ms': Number(seal.toFixed(1)),
      'seal / render': Number((seal / render).toFixed(2)),
      'seal / merge': Number((seal / merge).toFixed(2)),
      'sealed bytes': bytes,
    },
  };
}
