// Settings > Network as main reports it (proxy mode, manual proxy, bypass list, user name, extra CAs, whether a
// proxy password is stored; never the password). Loaded when the section opens, kept current by the `network`
// event; every change goes to main and comes back as its answer.
import { create } from 'zustand';
import type { AppError, Result } from '../../preload/contract';
import type { NetworkSettingsPatch, NetworkState } from '../../preload/contract-network';
import { getBridge } from '../bridge';

interface NetworkStoreState {
  network: NetworkState | undefined;
  error: AppError | undefined;
  load(): Promise<void>;
  update(patch: NetworkSettingsPatch): Promise<boolean>;
  setPassword(password: string): Promise<boolean>;
  clearPassword(): Promise<boolean>;
}

export const useNetworkStore = create<NetworkStoreState>()((set) => {
  const apply = (result: Result<NetworkState>): boolean => {
    set(result.ok ? { network: result.value, error: undefined } : { error: result.error });
    return result.ok;
  };
  return {
    network: undefined,
    error: undefined,
    load: async () => void apply(await getBridge().network.get()),
    update: async (patch) => apply(await getBridge().network.set(patch)),
    setPassword: async (password) => apply(await getBridge().network.setProxyPassword(password)),
    clearPassword: async () => apply(await getBridge().network.clearProxyPassword()),
  };
});

export function listenForNetwork(): () => void {
  return getBridge().events.on('network', (network) => useNetworkStore.setState({ network }));
}
