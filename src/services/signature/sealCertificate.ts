import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { Config } from '../../config';

/**
 * The PKCS#12 seal of signed conventions: the configured file, or (outside production, on first use) a
 * self-signed development certificate written next to the data, so that every environment seals the same way.
 */
export function loadSealCertificate(seal: Config['signature']['seal'], institutionName: string): Buffer {
  if (existsSync(seal.p12Path)) return readFileSync(seal.p12Path);
  if (!seal.generateIfMissing) throw new Error(`SEAL_P12_PATH: no PKCS#12 file at ${seal.p12Path}`);
  const p12 = selfSignedSeal(institutionName, seal.password);
  mkdirSync(path.dirname(seal.p12Path), { recursive: true });
  // Written aside then renamed: two instances starting together never read half a file.
  const partial = `${seal.p12Path}.${process.pid}.partial`;
  writeFileSync(partial, p12, { mode: 0o600 });
  renameSync(partial, seal.p12Path);
  return readFileSync(seal.p12Path);
}

/**
 * Production start-up: the configured seal must open now, not at the first signed convention. Opened as the
 * signer opens it (node-forge): a file it cannot read, or a wrong password, stops the start with its reason.
 */
export function sealProblem(seal: Config['signature']['seal']): string | null {
  if (!existsSync(seal.p12Path)) return `SEAL_P12_PATH: no PKCS#12 file at ${seal.p12Path}`;
  try {
    const der = readFileSync(seal.p12Path).toString('binary');
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, seal.password);
    const keys = [
      ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
      ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
    ];
    const certificates = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    if (keys.length === 0 || certificates.length === 0) return `SEAL_P12_PATH: ${seal.p12Path} holds no private key and certificate`;
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `SEAL_P12_PATH: ${seal.p12Path} cannot be opened with SEAL_P12_PASSWORD (${reason})`;
  }
}

export function selfSignedSeal(institutionName: string, password: string, now = new Date()): Buffer {
  // Node generates the key (native, fast); forge builds the certificate and the PKCS#12 around it.
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  certificate.validity.notAfter = new Date(now.getTime() + 5 * 365 * 24 * 60 * 60 * 1000);
  // ASCII names: forge's PKCS#7 re-encodes a UTF-8 issuer twice, and the signer is then not found by verifiers.
  const ascii = (value: string) =>
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '-');
  const subject = [
    { name: 'commonName', value: ascii(`${institutionName} - cachet Pstage (developpement)`) },
    { name: 'organizationName', value: ascii(institutionName) },
    { name: 'countryName', value: 'FR' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
