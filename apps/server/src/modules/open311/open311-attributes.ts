// `attribute[code]` values of a POST request, checked against the service definition: required ones present,
// list values among the keys, numbers and datetimes readable. Unknown codes are ignored, as clients may send extra.
import type { Open311Attribute } from '@wenming/contracts';
import type { Open311Params } from './open311-caller';
import { Open311Error, parseOpen311Datetime } from './open311-format';

/** Every value sent for one attribute: `attribute[code]` and `attribute[code][]`, repeated or not. */
function valuesOf(p: Open311Params, code: string): string[] {
  const out: string[] = [];
  for (const key of [`attribute[${code}]`, `attribute[${code}][]`]) {
    const v = p[key];
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (x.trim()) out.push(x.trim());
  }
  return out;
}

function checkValue(a: Open311Attribute, v: string): string | number {
  const name = `attribute[${a.code}]`;
  if (a.datatype === 'number') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Open311Error(400, `${name} must be a number`);
    return n;
  }
  if (a.datatype === 'datetime') return parseOpen311Datetime(name, v)!.toISOString();
  if ((a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') && !a.values?.some((x) => x.key === v))
    throw new Open311Error(400, `${name} has no value ${v}`);
  if (v.length > 2000) throw new Open311Error(400, `${name} is too long`);
  return v;
}

/** The checked attribute values of a request, by code; 400 naming the attribute that is wrong. */
export function attributeValues(p: Open311Params, attributes: Open311Attribute[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of attributes) {
    if (!a.variable) continue;
    const values = valuesOf(p, a.code);
    if (!values.length) {
      if (a.required) throw new Open311Error(400, `attribute[${a.code}] is required`);
      continue;
    }
    if (a.datatype !== 'multivaluelist' && values.length > 1)
      throw new Open311Error(400, `attribute[${a.code}] takes one value`);
    const checked = values.map((v) => checkValue(a, v));
    out[a.code] = a.datatype === 'multivaluelist' ? checked : checked[0];
  }
  return out;
}
