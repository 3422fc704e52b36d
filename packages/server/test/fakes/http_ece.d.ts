// http_ece ships no types; the one call the push fake makes.
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';

  interface DecryptParams {
    version: 'aes128gcm';
    /** The receiver's key pair (the browser's, here). */
    privateKey: ECDH;
    /** The 16-byte auth secret, base64url or bytes. */
    authSecret: string | Buffer;
  }

  const ece: { decrypt(buffer: Buffer, params: DecryptParams): Buffer };
  export default ece;
}
