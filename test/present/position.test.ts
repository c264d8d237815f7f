import { describe, expect, it } from 'vitest';
import { clampToDeck, LivePosition } from '../../src/present/position';
import { parseCatchUp, parseCommand, type PresentCommand } from '../../src/protocol/present-messages';
import { parsePageRequest } from '../../src/protocol/dev-messages';
import { parseFrameCommand } from '../../src/client/present/frame-messages';
import { createPresenterToken, isPresenterToken, isWellFormedToken } from '../../src/present/presenter-token';

const SHAPE = [1, 3, 1];
const go = (seq: number, h: number, v = 0, f = -1): PresentCommand => ({ type: 'go', token: 't', seq, position: { h, v, f } });

describe('LivePosition', () => {
  it('moves on an accepted command and counts versions', () => {
    const live = new LivePosition(SHAPE);
    const page = {};
    expect(live.current).toEqual({ position: { h: 0, v: 0, f: -1 }, version: 0 });
    expect(live.judge(page, go(1, 1, 2, 0), true)).toEqual({ accepted: true, moved: true });
    expect(live.current).toEqual({ position: { h: 1, v: 2, f: 0 }, version: 1 });
    expect(live.judge(page, go(2, 1, 2, 0), true)).toEqual({ accepted: true, moved: false });
    expect(live.current.version).toBe(1);
  });

  it('counts a blackout as a move, on the same slide', () => {
    const live = new LivePosition(SHAPE);
    const page = {};
    const dark: PresentCommand = { type: 'go', token: 't', seq: 1, position: { h: 0, v: 0, f: -1, paused: true } };
    expect(live.judge(page, dark, true)).toEqual({ accepted: true, moved: true });
    expect(live.current).toEqual({ position: { h: 0, v: 0, f: -1, paused: true }, version: 1 });
    expect(live.judge(page, go(2, 0), true)).toEqual({ accepted: true, moved: true });
    expect(live.current).toEqual({ position: { h: 0, v: 0, f: -1 }, version: 2 });
  });

  it('refuses without the token, before anything else', () => {
    const live = new LivePosition(SHAPE);
    expect(live.judge({}, go(1, 1), false)).toEqual({ accepted: false, reason: 'token' });
    expect(live.current.version).toBe(0);
  });

  it('refuses a sequence number that is not newer than the last accepted from that page', () => {
    const live = new LivePosition(SHAPE);
    const a = {};
    const b = {};
    expect(live.judge(a, go(5, 1), true).accepted).toBe(true);
    expect(live.judge(a, go(5, 2), true)).toEqual({ accepted: false, reason: 'replay' });
    expect(live.judge(a, go(3, 2), true)).toEqual({ accepted: false, reason: 'replay' });
    expect(live.judge(b, go(1, 2), true).accepted).toBe(true); // counted per page
    expect(live.judge(a, go(6, 0), true).accepted).toBe(true);
    expect(live.current).toEqual({ position: { h: 0, v: 0, f: -1 }, version: 3 });
  });

  it('refuses positions outside the deck', () => {
    const live = new LivePosition(SHAPE);
    const page = {};
    expect(live.judge(page, go(1, 3), true)).toEqual({ accepted: false, reason: 'invalid' });
    expect(live.judge(page, go(2, 0, 1), true)).toEqual({ accepted: false, reason: 'invalid' });
    expect(live.judge(page, go(3, 1, 3), true)).toEqual({ accepted: false, reason: 'invalid' });
  });

  it('resumes a saved position, clamped to a deck that lost slides since', () => {
    expect(new LivePosition(SHAPE, { position: { h: 1, v: 1, f: 2 }, version: 9 }).current).toEqual({ position: { h: 1, v: 1, f: 2 }, version: 9 });
    expect(clampToDeck({ h: 7, v: 2, f: 3 }, SHAPE)).toEqual({ h: 2, v: 0, f: -1 });
    expect(clampToDeck({ h: 1, v: 5, f: 3 }, SHAPE)).toEqual({ h: 1, v: 2, f: -1 });
  });
});

describe('parseCommand', () => {
  it('reads the three commands', () => {
    expect(parseCommand('{"type":"claim","token":"x","seq":1}')).toEqual({ type: 'claim', token: 'x', seq: 1 });
    expect(parseCommand('{"type":"reset-timer","token":"x","seq":2}')).toEqual({ type: 'reset-timer', token: 'x', seq: 2 });
    expect(parseCommand('{"type":"go","token":"x","seq":3,"position":{"h":1,"v":0,"f":-1},"extra":1}')).toEqual({ type: 'go', token: 'x', seq: 3, position: { h: 1, v: 0, f: -1 } });
    expect(parseCommand('{"type":"go","token":"x","seq":4,"position":{"h":1,"v":0,"f":-1,"paused":true}}')).toEqual({ type: 'go', token: 'x', seq: 4, position: { h: 1, v: 0, f: -1, paused: true } });
  });

  it.each([
    'not json',
    '[]',
    'null',
    '{"type":"go","seq":1,"position":{"h":1,"v":0,"f":-1}}',
    '{"type":"go","token":"x","position":{"h":1,"v":0,"f":-1}}',
    '{"type":"go","token":"x","seq":-1,"position":{"h":1,"v":0,"f":-1}}',
    '{"type":"go","token":"x","seq":1.5,"position":{"h":1,"v":0,"f":-1}}',
    '{"type":"go","token":"x","seq":1,"position":{"h":-1,"v":0,"f":-1}}',
    '{"type":"go","token":"x","seq":1,"position":{"h":1,"v":0,"f":-2}}',
    '{"type":"go","token":"x","seq":1,"position":{"h":"1","v":0,"f":-1}}',
    '{"type":"go","token":"x","seq":1}',
    '{"type":"reload","token":"x","seq":1}',
    '{"type":"claim","token":7,"seq":1}',
    '{"type":"go","token":"x","seq":1,"position":{"h":1,"v":0,"f":-1,"paused":"yes"}}',
  ])('refuses %s', (raw) => expect(parseCommand(raw)).toBeUndefined());
});

describe('catch-up requests', () => {
  it('reads exactly a count to catch up from, in a talk and in the dev server', () => {
    expect(parseCatchUp('{"type":"catch-up","from":3}')).toEqual({ type: 'catch-up', from: 3 });
    expect(parsePageRequest('{"type":"catch-up","deck":"talk","version":7}')).toEqual({ type: 'catch-up', deck: 'talk', version: 7 });
    for (const raw of ['{"type":"catch-up"}', '{"type":"catch-up","from":-1}', '{"type":"catch-up","from":"3"}', '{"type":"go","from":1}', '[]', 'null', 'x']) expect(parseCatchUp(raw)).toBeUndefined();
    for (const raw of ['{"type":"catch-up","version":1}', '{"type":"catch-up","deck":"talk","version":1.5}', '{"type":"catch-up","deck":1,"version":1}', 'null']) expect(parsePageRequest(raw)).toBeUndefined();
  });

  it('lets the deck frame take slide patches only as keys and markup', () => {
    expect(parseFrameCommand({ deckhand: 'patch', id: 4, slides: [{ key: '0-3', html: '<section></section>', extra: 1 }] })).toEqual({ deckhand: 'patch', id: 4, slides: [{ key: '0-3', html: '<section></section>' }] });
    expect(parseFrameCommand({ deckhand: 'patch', id: 4, slides: [{ key: 3, html: '' }] })).toBeUndefined();
    expect(parseFrameCommand({ deckhand: 'patch', id: 4, slides: 'x' })).toBeUndefined();
  });
});

describe('presenter token', () => {
  it('is random, well formed and compared exactly', () => {
    const a = createPresenterToken();
    const b = createPresenterToken();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(isPresenterToken(a, a)).toBe(true);
    expect(isPresenterToken(b, a)).toBe(false);
    expect(isPresenterToken(a.slice(0, -1), a)).toBe(false);
    expect(isPresenterToken(a + 'x', a)).toBe(false);
    expect(isPresenterToken('', a)).toBe(false);
    expect(isPresenterToken(undefined, a)).toBe(false);
    expect(isPresenterToken({ toString: () => a }, a)).toBe(false);
    expect(isPresenterToken('', '')).toBe(false);
  });
});
