// Filters of the store port as SQL over the JSON documents (the same expressions the
// indexes are made of, so SQLite uses them).
import { splitPath } from './doc-patch';
import { isCmd, StoreError, type FieldCmd, type Filter, type Json, type LogicCmd } from './port';

export type Param = string | number | null;

/** The SQL expression for a field; index expressions are made by the same function. */
export function jsonPath(field: string): string {
  return '$' + splitPath(field).map((p, i) => (/^\d+$/.test(p) && i > 0 ? `[${p}]` : `.${p}`)).join('');
}
export function fieldExpr(field: string): string {
  return field === '_id' ? '_id' : `json_extract(doc, '${jsonPath(field)}')`;
}

function toParam(value: Json): Param {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

function compileField(field: string, cond: Json | FieldCmd, params: Param[]): string {
  const left = fieldExpr(field);
  if (!isCmd(cond)) return compileField(field, { $cmd: 'eq', value: cond as Json }, params);
  const c = cond as FieldCmd;
  switch (c.$cmd) {
    case 'eq':
      if (c.value === null) return `${left} IS NULL`;
      params.push(toParam(c.value));
      return `${left} = ?`;
    case 'neq':
      params.push(toParam(c.value));
      return `${left} IS NOT ?`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      params.push(toParam(c.value));
      const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.$cmd];
      return `${left} ${op} ?`;
    }
    case 'in':
    case 'nin': {
      if (!Array.isArray(c.values)) throw new StoreError('INVALID', `${c.$cmd} needs an array`);
      if (c.values.length === 0) return c.$cmd === 'in' ? '0' : '1';
      for (const v of c.values) params.push(toParam(v));
      const list = c.values.map(() => '?').join(', ');
      return c.$cmd === 'in' ? `${left} IN (${list})` : `(${left} IS NULL OR ${left} NOT IN (${list}))`;
    }
    case 'exists':
      if (field === '_id') return c.value ? '1' : '0';
      return `json_type(doc, '${jsonPath(field)}') IS ${c.value ? 'NOT ' : ''}NULL`;
    case 'both':
      return `(${c.of.map((sub) => compileField(field, sub, params)).join(' AND ')})`;
    default:
      throw new StoreError('INVALID', `unknown filter command on ${field}`);
  }
}

export function compileFilter(filter: Filter, params: Param[]): string {
  if (isCmd(filter)) {
    const logic = filter as LogicCmd;
    if (logic.$cmd !== 'and' && logic.$cmd !== 'or') throw new StoreError('INVALID', 'bad logical command');
    if (logic.filters.length === 0) return logic.$cmd === 'and' ? '1' : '0';
    const joiner = logic.$cmd === 'and' ? ' AND ' : ' OR ';
    return `(${logic.filters.map((f) => compileFilter(f, params)).join(joiner)})`;
  }
  const parts: string[] = [];
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    parts.push(compileField(field, cond as Json | FieldCmd, params));
  }
  return parts.length ? parts.join(' AND ') : '1';
}
