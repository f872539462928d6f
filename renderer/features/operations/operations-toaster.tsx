// Announces finished batches started from this window as toasts (Fluent's toaster is a live region, so screen
// readers hear them), e.g. "Deallocate: 12 deallocated, 1 failed: permission".
import { Toast, ToastBody, ToastTitle, Toaster, useId, useToastController } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useOperationsStore } from '../../stores/operations-store';

export function OperationsToaster() {
  const toasterId = useId('operations-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const announcements = useOperationsStore((state) => state.announcements);
  const announced = useOperationsStore((state) => state.announced);

  useEffect(() => {
    for (const item of announcements) {
      dispatchToast(
        <Toast>
          <ToastTitle>{item.title}</ToastTitle>
          {item.message && <ToastBody>{item.message}</ToastBody>}
        </Toast>,
        { intent: item.intent, timeout: item.intent === 'success' ? 10_000 : 30_000, politeness: 'polite' },
      );
      announced(item.batchId);
    }
  }, [announcements, announced, dispatchToast]);

  return <Toaster toasterId={toasterId} position="bottom-end" />;
}
