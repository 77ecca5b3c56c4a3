// The Kubernetes target's side of the journal: each object is announced before its request
// and confirmed with its uid after; a 4xx (nothing stored) is journaled as refused, while a
// 5xx or a lost answer leaves the object "sent" (maybe stored).
import { describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/diag/errors.js';
import type { ResourceChange } from '../../../src/resource/resource.js';
import { applyFabric } from '../../../src/targets/kubernetes/live/apply-fabric.js';
import { FABRIC_LABEL } from '../../../src/targets/kubernetes/desired.js';
import type { KubeHttp, KubeRequest, KubeResponse } from '../../../src/targets/kubernetes/live/kube-http.js';
import type { FabricContext } from '../../../src/targets/kubernetes/live/read-fabric.js';
import type { ApplyEvents } from '../../../src/targets/live-target.js';

const TYPE = 'wiring.githedgehog.com/Switch';

function create(name: string): ResourceChange {
  const after = { apiVersion: 'wiring.githedgehog.com/v1beta1', kind: 'Switch', metadata: { name, labels: { [FABRIC_LABEL]: 'frontend' } }, spec: { role: 'spine' } };
  return { address: `kubernetes.${TYPE}[frontend/${name}]`, target: 'kubernetes', type: TYPE, key: `frontend/${name}`, action: 'create', after, attrChanges: [], dependsOn: [] };
}

/** An API server stand-in: answers by object name, after recording what the journal had heard by then. */
function context(answer: (name: string) => KubeResponse | 'lost', heard: string[], concurrency = 4): FabricContext {
  const send = async (req: KubeRequest) => {
    const name = req.path.split('/').pop()!;
    heard.push(`request ${name}`);
    await new Promise((resolve) => setImmediate(resolve));
    const a = answer(name);
    if (a === 'lost') throw new TargetError(`connection reset while applying ${name}`);
    return a;
  };
  return { http: { send } as unknown as KubeHttp, fabric: 'frontend', server: 'https://fake', namespace: 'default', concurrency };
}

function recording(heard: string[]): ApplyEvents {
  return {
    progress: () => {},
    journal: {
      sending: async (steps) => void heard.push(...steps.map((s) => `sending ${s.address.split('/').pop()!.slice(0, -1)}`)),
      answered: (confirmed, refused = []) => {
        for (const r of confirmed) heard.push(`confirmed ${r.address.split('/').pop()!.slice(0, -1)} ${r.remoteId}`);
        for (const r of refused) heard.push(`refused ${r.address.split('/').pop()!.slice(0, -1)}`);
      },
      withdrawn: (steps) => void heard.push(...steps.map((s) => `withdrawn ${s.address.split('/').pop()!.slice(0, -1)}`)),
    },
  };
}

const ok = (name: string): KubeResponse => ({ status: 201, headers: {}, body: { metadata: { uid: `uid-${name}` } } });

describe('Kubernetes apply journaling', () => {
  it('announces a few waves of objects in one journal write, and withdraws those a failure kept from being sent', async () => {
    const heard: string[] = [];
    const refuse: KubeResponse = { status: 409, headers: {}, body: { kind: 'Status', message: 'conflict', reason: 'Conflict' } };
    const names = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const outcome = await applyFabric(context((n) => (n === 's2' ? refuse : ok(n)), heard, 1), names.map(create), new Map(), recording(heard));
    expect(outcome.failed).toMatchObject({ status: 409 });
    // Concurrency 1: four waves of one request are announced at once, before the first request.
    expect(heard.slice(0, 5)).toEqual(['sending s1', 'sending s2', 'sending s3', 'sending s4', 'request s1']);
    expect(heard.filter((h) => h.startsWith('withdrawn'))).toEqual(['withdrawn s3', 'withdrawn s4']);
    expect(heard).not.toContain('request s3');
  });

  it('announces each object before its request and confirms it with its uid', async () => {
    const heard: string[] = [];
    const outcome = await applyFabric(context(ok, heard), [create('s1'), create('s2')], new Map(), recording(heard));
    expect(outcome.failed).toBeUndefined();
    for (const name of ['s1', 's2']) {
      expect(heard.indexOf(`sending ${name}`)).toBeLessThan(heard.indexOf(`request ${name}`));
      expect(heard).toContain(`confirmed ${name} uid-${name}`);
    }
  });

  it('journals a 4xx as refused, and leaves a 5xx or a lost answer as sent', async () => {
    const heard: string[] = [];
    const answers: Record<string, KubeResponse | 'lost'> = {
      s1: ok('s1'),
      s2: { status: 422, headers: {}, body: { kind: 'Status', message: 'spec.role: Unsupported value', reason: 'Invalid' } },
      s3: { status: 503, headers: {}, body: { kind: 'Status', message: 'unavailable' } },
      s4: 'lost',
    };
    const outcome = await applyFabric(context((n) => answers[n], heard), ['s1', 's2', 's3', 's4'].map(create), new Map(), recording(heard));
    expect(outcome.failed).toBeDefined();
    expect(heard.filter((h) => !h.startsWith('request')).sort()).toEqual(['confirmed s1 uid-s1', 'refused s2', 'sending s1', 'sending s2', 'sending s3', 'sending s4']);
  });
});
