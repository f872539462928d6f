// Network settings as they cross the contract: how Cloud Desk reaches Azure (system proxy, environment,
// a proxy URL, or direct) and which extra CA certificates it trusts. The proxy password never crosses: the
// renderer sets or clears it with its own requests and only learns whether one is stored. Pure data and types.
import { z } from 'zod';

export const proxyModeSchema = z.enum(['system', 'environment', 'manual', 'none']);
export type ProxyMode = z.infer<typeof proxyModeSchema>;

/** One `-----BEGIN CERTIFICATE-----` block or more; main parses each one before it is accepted. */
export const pemPattern = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The manual proxy: http or https, host and optional port, no user name or password (those are kept apart). */
export const proxyUrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL, e.g. http://proxy.contoso.com:8080' })
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), {
    message: 'must not contain a user name or password: enter those in their own fields',
  })
  .transform((url) => url.replace(/\/+$/, ''));

export const networkSettingsSchema = z.strictObject({
  proxyMode: proxyModeSchema,
  /** Used in `manual` mode. */
  proxyUrl: z.union([z.literal(''), proxyUrlSchema]),
  /** Hosts that skip the manual proxy: comma- or space-separated, `*.contoso.com`, `.contoso.com`, `10.0.0.1`. */
  proxyBypass: z.string().max(4000),
  /** Basic authentication for whichever proxy the mode picks; the password is set with its own request. */
  proxyUsername: z.string().max(256),
  /** Extra trusted CA certificates (PEM), added to the built-in and system roots. */
  extraCaPem: z.union([
    z.literal(''),
    z
      .string()
      .max(512 * 1024)
      .regex(pemPattern, 'must contain a PEM certificate (-----BEGIN CERTIFICATE-----)'),
  ]),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export const networkSettingsPatchSchema = networkSettingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to change: name at least one setting.' });
export type NetworkSettingsPatch = z.output<typeof networkSettingsPatchSchema>;

export const networkStateSchema = networkSettingsSchema.extend({
  /** Whether a proxy password is stored (encrypted); the password itself never leaves main. */
  proxyPasswordSet: z.boolean(),
  /** The proxy HTTPS_PROXY / HTTP_PROXY names, without any credentials in it (environment mode). */
  environmentProxy: z.string().optional(),
  /** Subjects of the extra CA certificates main accepted, for the user to check. */
  extraCaSubjects: z.array(z.string()),
});
export type NetworkState = z.infer<typeof networkStateSchema>;

export const proxyPasswordSchema = z.string().min(1, 'must not be empty').max(1024);
