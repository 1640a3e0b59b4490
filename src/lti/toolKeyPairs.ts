import crypto from 'node:crypto';
import { promisify } from 'node:util';
import Auth from 'ltijs/dist/Utils/Auth';

/** The tool's RSA key pair for one platform, in the PEM formats ltijs stores (SPKI public key, PKCS#1 private key). */
export interface ToolKeyPair {
  publicKey: string;
  privateKey: string;
}

/** Where the key pair of each newly registered platform comes from. */
export type ToolKeyPairSource = () => Promise<ToolKeyPair>;

const generateKeyPair = promisify(crypto.generateKeyPair);

/** A fresh 4096-bit pair, as ltijs makes, but on libuv's thread pool: other requests go on meanwhile. */
export async function generateToolKeyPair(): Promise<ToolKeyPair> {
  return generateKeyPair('rsa', {
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
}

/**
 * ltijs makes the key pair of every registration (by `registerPlatform` and by dynamic registration alike) in
 * `Auth.generatePlatformKeyPair`, with `generateKeyPairSync`: seconds of frozen event loop each. We replace that
 * one method with the same steps (a fresh kid, both keys stored encrypted under it) around a pair from `source`.
 */
export function takeToolKeyPairsFrom(source: ToolKeyPairSource): void {
  if (typeof Auth.generatePlatformKeyPair !== 'function') {
    throw new Error('ltijs no longer generates key pairs in Auth.generatePlatformKeyPair: review src/lti/toolKeyPairs.ts');
  }
  Auth.generatePlatformKeyPair = async (encryptionKey, database, platformUrl, clientId) => {
    let kid = crypto.randomBytes(16).toString('hex');
    while (await database.Get(false, 'publickey', { kid })) kid = crypto.randomBytes(16).toString('hex');
    const { publicKey, privateKey } = await source();
    const query = { platformUrl, clientId };
    const index = { kid, platformUrl, clientId };
    await database.Replace(encryptionKey, 'publickey', query, { key: publicKey, kid }, index);
    await database.Replace(encryptionKey, 'privatekey', query, { key: privateKey, kid }, index);
    return kid;
  };
}
