/**
 * An undo log of every change the overlay makes to the page, so that aborting restores the DOM exactly:
 * attributes get their previous value back and inserted nodes leave. The page's own text nodes are never
 * split or altered, so there is nothing to re-join. Undo runs in reverse order, so a later change is undone before the one it built on.
 */
export class DomJournal {
  // One entry per change, in parallel arrays rather than a closure each: a 20,000-paragraph mount journals
  // some 60,000 changes, and a closure with its context per change was garbage the collector had to trace
  // while the marks were still being placed (issue 8). An entry is an attribute set (`name` a string), an
  // inserted node (`name` null) or a custom undo (`target` a function).
  private readonly targets: (Node | (() => void))[] = [];
  private readonly names: (string | null)[] = [];
  private readonly previous: (string | null)[] = [];

  /** Sets an attribute and remembers the value it replaces (or that it was absent). */
  setAttribute(element: Element, name: string, value: string): void {
    const previous = element.getAttribute(name);
    element.setAttribute(name, value);
    this.push(element, name, previous);
  }

  /** Records a node the overlay inserted; undo removes it wherever the page has moved it since. */
  inserted<T extends Node>(node: T): T {
    this.push(node, null, null);
    return node;
  }

  /** Any other undo step (style sheets, highlight registrations). */
  onUndo(undo: () => void): void {
    this.push(undo, null, null);
  }

  /** Undoes everything, newest first. Safe to call twice. */
  undoAll(): void {
    while (this.targets.length > 0) {
      const target = this.targets.pop();
      const name = this.names.pop() ?? null;
      const previous = this.previous.pop() ?? null;
      try {
        if (typeof target === 'function') target();
        else if (target && name !== null) {
          const element = target as Element;
          if (previous === null) element.removeAttribute(name);
          else element.setAttribute(name, previous);
        } else if (target?.parentNode) target.parentNode.removeChild(target);
      } catch {
        // A page script may have detached or replaced our nodes; what is left still has to be undone.
      }
    }
  }

  private push(target: Node | (() => void), name: string | null, previous: string | null): void {
    this.targets.push(target);
    this.names.push(name);
    this.previous.push(previous);
  }
}
