/** bench/gecko-profile.ts: which Firefox profiler samples are Redline's, and their stretches. */
import { describe, expect, it } from 'vitest';
import { contentScriptSamples, redlineIn } from '../../bench/gecko-profile';

/** A profile as Firefox writes it: a parent process and one web content process, each with its own clock start. */
function profile() {
  const thread = (
    processName: string,
    stringTable: string[],
    frames: number[],
    stacks: [number | null, number][],
    samples: [number | null, number][],
  ) => ({
    name: 'GeckoMain',
    processName,
    stringTable,
    frameTable: { schema: { location: 0 }, data: frames.map((f) => [f]) },
    stackTable: { schema: { prefix: 0, frame: 1 }, data: stacks },
    samples: { schema: { stack: 0, time: 1 }, data: samples },
  });
  const strings = [
    '(root)',
    'evaluatePage (moz-extension://abc/content.js:10:2)',
    'pageScript (http://127.0.0.1/p:3:1)',
  ];
  return {
    meta: { startTime: 1000 },
    // The parent's samples never count, even with the same script name.
    threads: [
      thread(
        'Parent',
        strings,
        [0, 1],
        [
          [null, 0],
          [0, 1],
        ],
        [[1, 5]],
      ),
    ],
    processes: [
      {
        meta: { startTime: 2000 },
        threads: [
          // stack 0: root; 1: root > content.js; 2: root > content.js > page script (a callback into the page); 3: root > page.
          thread(
            'Web Content',
            strings,
            [0, 1, 2],
            [
              [null, 0],
              [0, 1],
              [1, 2],
              [0, 2],
            ],
            [
              [0, 1],
              [1, 2],
              [2, 3],
              [3, 4],
              [null, 5],
              [1, 9],
            ],
          ),
        ],
      },
    ],
  };
}

describe('contentScriptSamples', () => {
  it('takes the samples of a content process whose stack holds the content script anywhere, in epoch time', () => {
    expect(contentScriptSamples(profile())).toEqual([2002, 2003, 2009]);
  });
});

describe('redlineIn', () => {
  it('counts the samples in the window and joins consecutive ones into stretches', () => {
    const samples = [10, 11, 12, 13, 20, 21, 40];
    expect(redlineIn(samples, 11, 40, 1)).toEqual({
      ownMs: 5,
      stretches: [
        { at: 11, ms: 3 },
        { at: 20, ms: 2 },
      ],
    });
  });
});
