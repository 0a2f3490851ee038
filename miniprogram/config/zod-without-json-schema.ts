import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * zod 4's classic schemas reference its JSON Schema generator from every schema type
 * (`schema.toJSONSchema()`, `~standard.jsonSchema`), so a bundler cannot drop it: about 54 KB of
 * the weapp main package's vendors.js (core/to-json-schema.js and core/json-schema-processors.js).
 * The mini-program only parses with its schemas and never asks for a JSON Schema, so its build
 * replaces those two modules with stubs that throw if one is ever called. `aggregateChecks`, which
 * the string and number getters (`minLength`, `maxValue`, …) read at runtime, stays the real one.
 * The H5 build, the cloud functions and the tests keep the whole of zod.
 */
const PROCESSORS = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]json-schema-processors\.js$/;
const TO_JSON_SCHEMA = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]to-json-schema\.js$/;

const THROWS = `const unsupported = () => { throw new Error('JSON Schema generation is not in the mini-program build (miniprogram/config/zod-without-json-schema.ts)'); };`;

/** The names a module exports (`export function f`, `export const f`, `export { a as b }`). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export (?:function|const|let|class) ([\w$]+)/gm)) names.add(m[1]!);
  for (const m of source.matchAll(/^export \{([^}]*)\}/gm))
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  return [...names];
}

function stubs(names: string[]): string {
  return names.length ? `export { ${names.map((n) => `unsupported as ${n}`).join(', ')} };` : '';
}

/** The stub of json-schema-processors.js: its source up to the processors (the real aggregateChecks), then stubs. */
export function processorsStub(source: string): string {
  const cut = source.indexOf('\nconst formatMap');
  if (cut < 0 || !source.slice(0, cut).includes('export function aggregateChecks'))
    throw new Error('zod changed json-schema-processors.js: revisit zod-without-json-schema.ts');
  const kept = source.slice(0, cut);
  const rest = exportedNames(source).filter((n) => !exportedNames(kept).includes(n) && n !== 'allProcessors');
  return `${kept}\n${THROWS}\n${stubs(rest)}\nexport const allProcessors = {};\n`;
}

/** The stub of to-json-schema.js: the method factories return a function that throws when called. */
export function toJsonSchemaStub(source: string): string {
  const factories = ['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod'];
  const names = exportedNames(source);
  if (!factories.every((f) => names.includes(f))) throw new Error('zod changed to-json-schema.js: revisit zod-without-json-schema.ts');
  const rest = names.filter((n) => !factories.includes(n));
  return `${THROWS}\n${stubs(rest)}\n${factories.map((f) => `export const ${f} = () => unsupported;`).join('\n')}\n`;
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'linli-zod-without-json-schema',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (PROCESSORS.test(file)) return processorsStub(readFileSync(file, 'utf8'));
      if (TO_JSON_SCHEMA.test(file)) return toJsonSchemaStub(readFileSync(file, 'utf8'));
      return null;
    },
  };
}
