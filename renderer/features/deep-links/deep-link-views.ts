// Where a followed `clouddesk://` link lands, through the stores' public actions: the VMs view with the VM
// selected and its details open, or the Subscriptions view focused on the subscription's row.
import { useNavigationStore } from '../../stores/navigation-store';
import { useVmGridStore } from '../../stores/vm-grid-store';
import type { DeepLinkViews } from './follow-deep-links';

/** The element id of a subscription's row in the Subscriptions view (the navigation focuses it). */
export const subscriptionRowId = (subscriptionId: string): string => `subscription-row-${subscriptionId}`;

export const pageDeepLinkViews: DeepLinkViews = {
  showVm(vmId) {
    useNavigationStore.getState().go('vms');
    const grid = useVmGridStore.getState();
    grid.clearSelection();
    grid.setSelected([vmId], true);
    grid.openDetails(vmId);
  },
  showSubscription(subscriptionId) {
    useNavigationStore.getState().go('subscriptions', subscriptionRowId(subscriptionId));
  },
};
