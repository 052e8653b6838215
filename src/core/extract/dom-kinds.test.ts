import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { blockOf, isElement, isInline, isSkipped, isText } from './dom-kinds';

const doc = new JSDOM(
  '<!doctype html><body><div id="d"><p id="p">a <a href="#"><b id="b">bold</b></a></p><script>x</script></div></body>',
).window.document;

describe('dom kinds', () => {
  it('climbs from text or inline elements to the block that shows them', () => {
    const bold = doc.getElementById('b')!;
    expect(blockOf(bold.firstChild!)).toBe(doc.getElementById('p'));
    expect(blockOf(bold)).toBe(doc.getElementById('p'));
    expect(blockOf(doc.getElementById('d')!)).toBe(doc.getElementById('d'));
  });

  it('classifies by local name without instanceof', () => {
    expect(isInline(doc.getElementById('b')!)).toBe(true);
    expect(isInline(doc.getElementById('p')!)).toBe(false);
    expect(isSkipped(doc.querySelector('script')!)).toBe(true);
    expect(isElement(doc.body)).toBe(true);
    expect(isText(doc.getElementById('p')!.firstChild!)).toBe(true);
    expect(isText(doc.body)).toBe(false);
  });

  it('returns null above the document element', () => {
    expect(blockOf(doc)).toBeNull();
  });
});
