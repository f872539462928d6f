// Finding things in the VM grid the way a screen reader names them, shared by the specs that act on VMs.
import type { Locator } from '@playwright/test';

/** The grid's row for the VM named `name` (a row's accessible name starts with the VM's name). */
export function row(grid: Locator, name: string): Locator {
  return grid.getByRole('row', { name: new RegExp(`^${name} `) });
}
