// Renders only the rows of a long list that are in or near view, inside a scroll container the caller owns (so a
// sticky header can scroll sideways with the rows). The one file that knows which virtualizer does the work:
// today Fluent UI's virtualizer (the one installed with @fluentui/react-components); swapping in another
// (e.g. @tanstack/react-virtual) changes this file only. Rows must all be `rowHeight` pixels tall.
import { Virtualizer, useStaticVirtualizerMeasure, type VirtualizerProps } from '@fluentui/react-components/unstable';
import { useEffect, useRef, type ReactElement } from 'react';

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
  const { virtualizerLength, bufferItems, bufferSize, scrollRef, containerSizeRef } =
    useStaticVirtualizerMeasure<HTMLElement>({ defaultItemSize: rowHeight });
  const scrollViewRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    scrollViewRef.current = scrollElement;
    scrollRef(scrollElement);
  }, [scrollElement, scrollRef]);

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
