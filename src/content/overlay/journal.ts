/**
 * An undo log of every change the overlay makes to the page, so that aborting restores the DOM exactly:
 * attributes get their previous value back and inserted nodes leave. The page's own text nodes are never
 * split or altered, so there is nothing to re-join. Undo runs in reverse order, so a later change is undone before the one it built on.
 */
export class DomJournal {
  private readonly undos: (() => void)[] = [];

  /** Sets an attribute and remembers the value it replaces (or that it was absent). */
  setAttribute(element: Element, name: string, value: string): void {
    const previous = element.getAttribute(name);
    element.setAttribute(name, value);
    this.undos.push(() => {
      if (previous === null) element.removeAttribute(name);
      else element.setAttribute(name, previous);
    });
  }

  /** Records a node the overlay inserted; undo removes it wherever the page has moved it since. */
  inserted<T extends Node>(node: T): T {
    this.undos.push(() => {
      if (node.parentNode) node.parentNode.removeChild(node);
    });
    return node;
  }

  /** Any other undo step (style sheets, highlight registrations). */
  onUndo(undo: () => void): void {
    this.undos.push(undo);
  }

  /** Undoes everything, newest first. Safe to call twice. */
  undoAll(): void {
    while (this.undos.length > 0) {
      const undo = this.undos.pop();
      try {
        undo?.();
      } catch {
        // A page script may have detached or replaced our nodes; what is left still has to be undone.
      }
    }
  }
}
