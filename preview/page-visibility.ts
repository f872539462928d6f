// Whether anyone can see the preview: the pages report their `visibilitychange` over the socket, and the app
// counts as visible while at least one connected page is. In Electron, main reads this from its window; the
// preview has no window, so this stands in for it and feeds the same inventory schedule (power sweeps every
// minute while visible, slower while hidden). Never part of the packaged app.
export class PageVisibility {
  private readonly pages = new Map<object, boolean>();
  private current = false;

  /** `onChange` hears every change of the combined state (not the first, which is hidden: no page yet). */
  constructor(private readonly onChange: (visible: boolean) => void) {}

  get visible(): boolean {
    return this.current;
  }

  report(page: object, visible: boolean): void {
    this.pages.set(page, visible);
    this.update();
  }

  closed(page: object): void {
    this.pages.delete(page);
    this.update();
  }

  private update(): void {
    const visible = [...this.pages.values()].some(Boolean);
    if (visible === this.current) return;
    this.current = visible;
    this.onChange(visible);
  }
}
