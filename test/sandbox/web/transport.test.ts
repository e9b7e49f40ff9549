import { describe, expect, it } from 'vitest';
import { RpcEndpoint, type RpcMessage, type Wire } from './transport/rpc';
import { decodePostRobot, POST_ROBOT_KEY, postRobotWire } from './transport/wires';
import { unflattenFormData } from './site/formData';

/** Two endpoints joined by post-robot envelopes, as frame and host would be. */
function pair() {
  const toB: string[] = [];
  const toA: string[] = [];
  const fakeWindow = (queue: string[]) => ({ postMessage: (data: string) => void queue.push(data) }) as unknown as Window;
  const a = new RpcEndpoint(postRobotWire(fakeWindow(toB), '*', 'http://frame'));
  const b = new RpcEndpoint(postRobotWire(fakeWindow(toA), '*', 'http://host'));
  const pump = async () => {
    for (let i = 0; i < 50 && (toA.length || toB.length); i++) {
      for (const m of toB.splice(0)) decodePostRobot(m)!.forEach((x) => b.receive(x));
      for (const m of toA.splice(0)) decodePostRobot(m)!.forEach((x) => a.receive(x));
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { a, b, pump, toB };
}

describe('sandbox bridge transport', () => {
  it('sends post-robot 10 envelopes (an array of messages) with requests named by the bridge command, as facts §8.4', async () => {
    const { a, b, pump, toB } = pair();
    b.handleOthers((name, d) => ({ name, got: d }));
    const result = a.request('getContext', { x: 1 });
    const envelope = JSON.parse(toB[0]!) as Record<string, { type: string; name: string }[]>;
    expect(Array.isArray(envelope[POST_ROBOT_KEY])).toBe(true);
    expect(envelope[POST_ROBOT_KEY]![0]).toMatchObject({ type: 'postrobot_message_request', name: 'getContext', origin: 'http://frame' });
    await pump();
    await expect(result).resolves.toEqual({ name: 'getContext', got: { x: 1 } });
  });

  it('lets the other side call back a function passed in a payload, with its result', async () => {
    const { a, b, pump } = pair();
    let callback: ((x: number) => Promise<unknown>) | null = null;
    b.handle('callBridge', (d) => {
      callback = (d as { payload: { callback: (x: number) => Promise<unknown> } }).payload.callback;
      return true;
    });
    const seen: number[] = [];
    const subscribed = a.request('callBridge', { command: 'on', payload: { callback: (x: number) => (seen.push(x), x * 2) } });
    await pump();
    await subscribed;
    const answer = callback!(21);
    await pump();
    await expect(answer).resolves.toBe(42);
    expect(seen).toEqual([21]);
  });

  // The assertion on the error's name is gone: post-robot serialises an error as { message, stack } only (facts §8.4).
  it('rejects with the host error message, serialised as post-robot does', async () => {
    const { a, b, pump } = pair();
    b.handle('nope', () => {
      throw new TypeError('Unsupported command: nope');
    });
    const rejected = expect(a.request('nope', {})).rejects.toMatchObject({ message: 'Unsupported command: nope' });
    await pump();
    await rejected;
  });

  it('puts an error response on the wire as { __type__: "error", __val__: { message, stack } } (facts §8.4)', () => {
    const sent: string[] = [];
    const wire = postRobotWire({ postMessage: (d: string) => void sent.push(d) } as unknown as Window, '*', 'http://host');
    wire.post({ id: 'r1', type: 'response', ack: 'error', error: { name: 'TypeError', message: 'boom', stack: 'at x' } });
    const [message] = (JSON.parse(sent[0]!) as Record<string, Record<string, unknown>[]>)[POST_ROBOT_KEY]!;
    expect(POST_ROBOT_KEY).toBe('__post_robot_10_0_41__');
    expect(message).toMatchObject({ type: 'postrobot_message_response', ack: 'error', origin: 'http://host', error: { __type__: 'error', __val__: { message: 'boom', stack: 'at x' } } });
    expect(decodePostRobot(sent[0])![0]).toMatchObject({ type: 'response', ack: 'error', error: { message: 'boom', stack: 'at x' } });
  });

  it('ignores messages that are not post-robot envelopes', () => {
    expect(decodePostRobot('{"type":"ufo-event"}')).toBeNull();
    expect(decodePostRobot({ [POST_ROBOT_KEY]: [] })).toBeNull();
    expect(decodePostRobot(`{"${POST_ROBOT_KEY}": [{"type":"other","id":"1"}]}`)).toEqual([]);
  });

  it('uses a wire-specific shape for function references', () => {
    const messages: RpcMessage[] = [];
    const wire: Wire = { post: (m) => void messages.push(m), encodeFunction: (id, name) => ({ fn: id, name }), decodeFunction: () => null };
    void new RpcEndpoint(wire).request('x', { f: function named() {} });
    expect((messages[0] as { data: { f: { name: string } } }).data.f.name).toBe('named');
  });
});

describe("FormData rebuilt from @forge/bridge's flattened JSON", () => {
  it('turns file keys back into named, typed files and keeps other fields', async () => {
    const json = JSON.stringify({ file: 'data:text/plain;base64,aGVsbG8=', __fileName: 'hello.txt', __fileType: 'text/plain', note: 'x' });
    const form = unflattenFormData(json);
    const file = form.get('file') as File;
    expect(file.name).toBe('hello.txt');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toBe('hello');
    expect(form.get('note')).toBe('x');
    expect([...form.keys()]).toEqual(['file', 'note']);
  });
});
