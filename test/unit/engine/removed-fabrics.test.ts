import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/diag/errors.js';
import { removedFabricError, removedFabrics } from '../../../src/engine/live/removed-fabrics.js';

const kube = (fabric: string, name: string) => ({ address: `kubernetes.wiring.githedgehog.com/Switch[${fabric}/${name}]` });
const netbox = (name: string) => ({ address: `netbox.dcim.device[${name}]` });

describe('removedFabrics', () => {
  it('lists the fabrics the state records and the spec wants nothing of, with their addresses, sorted', () => {
    const recorded = [kube('frontend', 'a'), kube('storage', 'x'), netbox('leaf-01'), kube('backend', 'b1'), kube('storage', 'y'), kube('backend', 'b2')];
    expect(removedFabrics(recorded, [kube('frontend', 'a'), netbox('leaf-01')], ['frontend', 'storage'])).toEqual([
      { fabric: 'backend', addresses: [kube('backend', 'b1').address, kube('backend', 'b2').address], inSpec: false },
      { fabric: 'storage', addresses: [kube('storage', 'x').address, kube('storage', 'y').address], inSpec: true },
    ]);
  });

  it('a fabric the spec still wants any object of is not removed, whatever else changed there', () => {
    expect(removedFabrics([kube('frontend', 'a'), kube('frontend', 'b')], [kube('frontend', 'c')])).toEqual([]);
  });

  it('nothing recorded, or only NetBox objects: nothing removed', () => {
    expect(removedFabrics([], [kube('frontend', 'a')])).toEqual([]);
    expect(removedFabrics([netbox('x')], [])).toEqual([]);
  });
});

describe('removedFabricError', () => {
  it('names the fabric, how many objects, the missing configuration key and how to proceed', () => {
    const error = removedFabricError({ fabric: 'backend', addresses: [kube('backend', 'b1').address, kube('backend', 'b2').address], inSpec: false });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'fabric backend is no longer in the spec, but the state records 2 Kubernetes objects diet created there (e.g. kubernetes.wiring.githedgehog.com/Switch[backend/b1]); deleting them needs its Kubernetes target, and the configuration has no fabrics.backend.kubernetes',
    );
    expect(error.hint).toContain('add fabrics.backend.kubernetes (server, tokenEnv, caFile) back to the configuration and apply');
    expect(error.hint).toContain('put fabric backend back into the spec');
    expect(error.hint).toContain('--target netbox');
  });

  it('says so when the spec still defines the fabric but wants nothing of it in Kubernetes', () => {
    const error = removedFabricError({ fabric: 'storage', addresses: [kube('storage', 'x').address], inSpec: true });
    expect(error.message).toMatch(/^fabric storage wants no Kubernetes objects any more, but the state records 1 Kubernetes object diet created there /);
    expect(error.hint).toContain('to keep them, let the spec want them again');
  });
});
