import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A model of prisma/schema.prisma as the drift test needs it. */
export interface SchemaModel {
  name: string;
  fields: { name: string; type: string; optional: boolean }[];
  /** Column lists that must carry a unique index. */
  uniques: string[][];
  /** Column lists that must carry an index. */
  indexes: string[][];
}

const SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'DateTime']);

/** Reads the models, their scalar fields, uniques and indexes from the schema file. */
export function readSchemaModels(path = join(import.meta.dirname, '..', '..', 'prisma', 'schema.prisma')): SchemaModel[] {
  const text = readFileSync(path, 'utf8');
  const models: SchemaModel[] = [];
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const model: SchemaModel = { name: m[1]!, fields: [], uniques: [], indexes: [] };
    for (const raw of m[2]!.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const block = /^@@(unique|index)\(\[([^\]]+)\]/.exec(line);
      if (block) {
        const cols = block[2]!.split(',').map((c) => c.trim());
        (block[1] === 'unique' ? model.uniques : model.indexes).push(cols);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\??)(\[\])?/.exec(line);
      if (!field || !SCALARS.has(field[2]!) || field[4]) continue;
      model.fields.push({ name: field[1]!, type: field[2]!, optional: field[3] === '?' });
      if (/@unique\b/.test(line)) model.uniques.push([field[1]!]);
    }
    models.push(model);
  }
  return models;
}
