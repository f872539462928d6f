// Checks a confidential client's JWT assertion (private_key_jwt) the way Entra ID does: the certificate is found
// by its x5t / x5t#S256 thumbprint among the app's registered certificates, then signature, issuer, subject,
// lifetime and audience are verified. It never issues tokens.
import { X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import type { Application } from '../scenario.js';
import { aadsts, EntraError } from './errors.js';

export async function verifyClientAssertion(
  app: Application,
  assertion: string,
  where: { baseUrl: string; endpointUrl: string; now: number },
): Promise<void> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new EntraError(aadsts.badAssertion('The assertion is not a JWT.'));
  }
  const x5t = typeof header['x5t'] === 'string' ? header['x5t'] : undefined;
  const x5t256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
  const alg = typeof header['alg'] === 'string' ? header['alg'] : 'RS256';
  const thumbprint = x5t256 ?? x5t ?? '';
  const certificate = app.certificates.find((pem) => {
    const cert = new X509Certificate(pem);
    const sha1 = Buffer.from(cert.fingerprint.replace(/:/g, ''), 'hex').toString('base64url');
    const sha256 = Buffer.from(cert.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
    return (x5t !== undefined && x5t === sha1) || (x5t256 !== undefined && x5t256 === sha256);
  });
  if (!certificate) throw new EntraError(aadsts.unknownCertificate(thumbprint, app.clientId));
  if (alg !== 'RS256' && alg !== 'PS256')
    throw new EntraError(aadsts.badAssertion(`Algorithm ${alg} is not accepted.`));
  try {
    const key = await importX509(certificate, alg);
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: [alg],
      issuer: app.clientId,
      subject: app.clientId,
      currentDate: new Date(where.now),
      clockTolerance: 300,
    });
    const base = where.baseUrl;
    const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud ?? ''];
    const audOk = auds.some(
      (a) => a === where.endpointUrl || (a.startsWith(`${base}/`) && /\/oauth2\/(v2\.0\/)?token$/.test(a)),
    );
    if (!audOk)
      throw new EntraError(aadsts.badAssertion(`The audience '${auds.join(',')}' is not this token endpoint.`));
  } catch (err) {
    if (err instanceof EntraError) throw err;
    throw new EntraError(aadsts.badAssertion(err instanceof Error ? err.message : 'Signature check failed.'));
  }
}
