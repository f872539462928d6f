// The system proxy as Chromium resolves it for the app's session: OS settings, PAC scripts and WPAD included.
// Answers PAC style ("PROXY proxy.contoso.com:8080; DIRECT"); main/net turns that into a route for Node's agents.
import { session } from 'electron';
import type { ProxyResolver } from '../net/proxy-resolver.js';

export const electronProxyResolver: ProxyResolver = {
  resolve: (url) => session.defaultSession.resolveProxy(url),
};
