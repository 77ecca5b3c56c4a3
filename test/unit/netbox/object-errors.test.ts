import { describe, expect, it } from 'vitest';
import { formatFieldErrors, parseObjectErrors } from '../../../src/targets/netbox/object-errors.js';

describe('parseObjectErrors', () => {
  it('reads the NetBox 4.7 bulk-create shape by index', () => {
    const body = { detail: '1 of 3 objects could not be created.', errors: [{ index: 2, errors: { slug: ['site with this slug already exists.'] } }] };
    expect(parseObjectErrors(body, [undefined, undefined, undefined])).toEqual([{ index: 2, fields: { slug: ['site with this slug already exists.'] } }]);
  });

  it('ties 4.7 update and delete errors to the request item by id', () => {
    const body = { detail: 'x', errors: [{ id: 12, errors: { id: ['Object with ID 12 does not exist'] } }] };
    expect(parseObjectErrors(body, [10, 12])).toEqual([{ index: 1, fields: { id: ['Object with ID 12 does not exist'] } }]);
  });

  it('reads the NetBox 4.0–4.6 positional list and skips empty entries', () => {
    expect(parseObjectErrors([{}, { name: ['bad'] }, {}], [undefined, undefined, undefined])).toEqual([{ index: 1, fields: { name: ['bad'] } }]);
  });

  it('flattens nested field errors and object-level messages of a single object', () => {
    const body = { a_terminations: [{ object_id: ['Invalid pk "9" - object does not exist.'] }], non_field_errors: ['Duplicate termination found for dcim.interface 3: cable 1'] };
    const [error] = parseObjectErrors(body, [undefined]);
    expect(error).toEqual({ index: 0, fields: { 'a_terminations.object_id': ['Invalid pk "9" - object does not exist.'], __all__: ['Duplicate termination found for dcim.interface 3: cable 1'] } });
    expect(formatFieldErrors(error.fields)).toBe('Duplicate termination found for dcim.interface 3: cable 1; a_terminations.object_id: Invalid pk "9" - object does not exist.');
  });

  it('cannot place a single-object error in a multi-object request', () => {
    expect(parseObjectErrors({ name: ['x'] }, [undefined, undefined])).toEqual([{ fields: { name: ['x'] } }]);
  });
});
