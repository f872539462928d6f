// Renders only the rows of a long list that are in or near view, inside a scroll container the caller owns (so a
// sticky header can scroll sideways with the rows). The one file that knows which virtualizer does the work:
// today Fluent UI's virtualizer (the one installed with @fluentui/react-components); swapping in another
// (e.g. @tanstack/react-virtual) changes this file only. Rows must all be `rowHeight` pixels tall.
import { Virtualizer, useStaticVirtualizerMeasure, type VirtualizerProps } from '@fluentui/react-components/unstable';
import { startTransition, useEffect, useRef, useState, type ReactElement } from 'react';

export interface VirtualRowsProps {
  count: number;
  rowHeight: number;
  /** The element that scrolls; null until it is mounted. */
  scrollElement: HTMLElement | null;
  renderRow(index: number): ReactElement;
}

// The virtualizer's spacers sit between rows inside the grid's row group: keep them out of the accessibility tree.
const spacer = { role: 'presentation', 'aria-hidden': true } as const;
const spacerSlots: Pick<VirtualizerProps, 'before' | 'after' | 'beforeContainer' | 'afterContainer'> = {
  before: spacer,
  after: spacer,
  beforeContainer: spacer,
  afterContainer: spacer,
};

export function VirtualRows({ count, rowHeight, scrollElement, renderRow }: VirtualRowsProps) {
  const measured = useStaticVirtualizerMeasure<HTMLElement>({ defaultItemSize: rowHeight });
  const { bufferSize, scrollRef, containerSizeRef } = measured;
  const scrollViewRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    scrollViewRef.current = scrollElement;
    scrollRef(scrollElement);
  }, [scrollElement, scrollRef]);
  // A screenful of new rows (the first, or after a search that matched nothing) is one commit React cannot split:
  // it renders only the rows in view, and the buffer above and below that scrolling needs follows in an
  // interruptible render after that commit.
  const [buffered, setBuffered] = useState(false);
  if (count === 0 && buffered) setBuffered(false);
  const hasRows = count > 0 && measured.virtualizerLength > 0;
  useEffect(() => {
    if (hasRows && !buffered) startTransition(() => setBuffered(true));
  }, [hasRows, buffered]);
  const bufferItems = buffered ? measured.bufferItems : 0;
  const virtualizerLength = measured.virtualizerLength - 2 * (measured.bufferItems - bufferItems);

  // Fluent's virtualizer keeps the rows it last rendered when the count falls to 0 (a search that matches
  // nothing): without rows there is nothing to virtualize.
  if (count === 0) return null;
  return (
    <Virtualizer
      {...spacerSlots}
      numItems={count}
      itemSize={rowHeight}
      virtualizerLength={virtualizerLength}
      bufferItems={bufferItems}
      bufferSize={bufferSize}
      containerSizeRef={containerSizeRef}
      scrollViewRef={scrollViewRef}
    >
      {(index) => renderRow(index)}
    </Virtualizer>
  );
}
