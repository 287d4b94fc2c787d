// Finds fields that the Kubernetes API does not define (a misspelt or
// misplaced key), which the kubernetes-models validators accept silently.
// The field names come from the TypeScript declarations (.d.ts) shipped with
// the same packages: each model's interface is parsed and the object walked
// against it.
//
//   const { unknownFields } = require('./unknown_fields');
//   unknownFields(doc, 'kubernetes-models/apps/v1') -> ['spec.template.x', ...]
'use strict';

const fs = require('fs');
const path = require('path');

// ---- a tokenizer and parser for the subset of TypeScript used by the models

function tokenize(text) {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  const re = /\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]*|-?\d+(?:\.\d+)?|\S)/gy;
  const tokens = [];
  let m;
  while ((m = re.exec(source)) !== null) tokens.push(m[1]);
  return tokens;
}

class Parser {
  constructor(tokens) { this.t = tokens; this.i = 0; }
  peek(k = 0) { return this.t[this.i + k]; }
  next() { return this.t[this.i++]; }
  expect(tok) {
    const got = this.next();
    if (got !== tok) throw new Error(`expected ${tok}, got ${got} at token ${this.i}`);
  }
  // type := primary ('|' primary)*
  type() {
    if (this.peek() === '|') this.next();
    const options = [this.postfix()];
    while (this.peek() === '|') { this.next(); options.push(this.postfix()); }
    return options.length === 1 ? options[0] : { kind: 'union', options };
  }
  postfix() {
    let t = this.primary();
    while (this.peek() === '[' && this.peek(1) === ']') { this.next(); this.next(); t = { kind: 'array', of: t }; }
    return t;
  }
  primary() {
    const tok = this.next();
    if (tok === '{') return this.members('}');
    if (tok === '(') { const t = this.type(); this.expect(')'); return t; }
    if (tok === 'Array' && this.peek() === '<') {
      this.next();
      const of = this.type();
      this.expect('>');
      return { kind: 'array', of };
    }
    if (/^[A-Za-z_$]/.test(tok)) {
      if (this.peek() === '<') {  // another generic: skip its arguments
        let depth = 0;
        do { const x = this.next(); if (x === '<') depth++; if (x === '>') depth--; } while (depth > 0);
        return { kind: 'opaque' };
      }
      return { kind: 'ref', name: tok };
    }
    return { kind: 'literal' };  // string or number literal
  }
  // members := (("name" | name) '?'? ':' type ';' | '[' key ':' string ']' ':' type ';')* close
  members(close) {
    const fields = {};
    let index = null;
    while (this.peek() !== close) {
      if (this.peek() === '[') {
        while (this.next() !== ']');
        this.expect(':');
        index = this.type();
      } else {
        let name = this.next();
        if (name === 'readonly') name = this.next();
        if (/^["']/.test(name)) name = JSON.parse(name.replace(/^'|'$/g, '"'));
        if (this.peek() === '?') this.next();
        if (this.peek() === '(') {  // a method: not data
          let depth = 0;
          do { const x = this.next(); if (x === '(') depth++; if (x === ')') depth--; } while (depth > 0);
          this.expect(':'); this.type();
        } else {
          this.expect(':');
          fields[name] = this.type();
        }
      }
      if (this.peek() === ';' || this.peek() === ',') this.next();
    }
    this.next();
    return { kind: 'object', fields, index };
  }
}

// ---- declaration files: interfaces, type aliases, imports and re-exports

const files = new Map();

function parseFile(file) {
  if (files.has(file)) return files.get(file);
  const decl = { file, names: {}, imports: {}, aliases: {} };
  files.set(file, decl);
  const p = new Parser(tokenize(fs.readFileSync(file, 'utf8')));
  while (p.peek() !== undefined) {
    const tok = p.next();
    if (tok === 'import' && p.peek() === '{') {
      p.next();
      const names = [];
      while (p.peek() !== '}') { const n = p.next(); if (n !== ',') names.push(n); }
      p.next(); p.expect('from');
      const module = JSON.parse(p.next());
      for (const n of names) decl.imports[n] = module;
    } else if (tok === 'export' && p.peek() === '{') {
      p.next();
      while (p.peek() !== '}') {
        const local = p.next();
        if (local === ',') continue;
        if (p.peek() === 'as') { p.next(); decl.aliases[p.next()] = local; }
      }
      p.next();
    } else if (tok === 'interface') {
      const name = p.next();
      if (p.peek() === 'extends') while (p.peek() !== '{') p.next();
      p.expect('{');
      decl.names[name] = p.members('}');
    } else if (tok === 'type' && /^[A-Za-z_$]/.test(p.peek() || '') && p.peek(1) === '=') {
      const name = p.next();
      p.next();
      decl.names[name] = p.type();
    } else if (tok === 'class') {  // skip class bodies
      while (p.peek() !== '{') p.next();
      let depth = 0;
      do { const x = p.next(); if (x === '{') depth++; if (x === '}') depth--; } while (depth > 0);
    }
  }
  return decl;
}

// The .d.ts file of a module specifier, searched in the node_modules folders
// directly (the packages' "exports" maps hide their declaration files).
function moduleFile(fromFile, module) {
  if (module.startsWith('.')) return path.resolve(path.dirname(fromFile), `${module}.d.ts`);
  const roots = [...(process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean),
                 ...(require.resolve.paths(module) || [])];
  for (const root of roots) {
    const candidate = path.join(root, `${module}.d.ts`);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

// A reference resolved to its declaration: { type, file } or null (opaque).
function resolve(file, name, seen = 0) {
  if (seen > 20) return null;
  const decl = parseFile(file);
  if (decl.names[name]) return { type: decl.names[name], file };
  if (decl.aliases[name]) return resolve(file, decl.aliases[name], seen + 1);
  if (decl.imports[name]) {
    const target = moduleFile(file, decl.imports[name]);
    return target && fs.existsSync(target) ? resolve(target, name, seen + 1) : null;
  }
  return null;
}

// ---- the walk

function objectTypes(type, file) {  // the object shapes a value may take
  if (!type) return [];
  if (type.kind === 'object') return [{ type, file }];
  if (type.kind === 'union') return type.options.flatMap((o) => objectTypes(o, file));
  if (type.kind === 'ref') {
    const r = resolve(file, type.name);
    return r ? objectTypes(r.type, r.file) : [];
  }
  return [];
}

function arrayElement(type, file) {
  if (!type) return null;
  if (type.kind === 'array') return { type: type.of, file };
  if (type.kind === 'union') {
    for (const o of type.options) { const e = arrayElement(o, file); if (e) return e; }
  }
  if (type.kind === 'ref') {
    const r = resolve(file, type.name);
    return r ? arrayElement(r.type, r.file) : null;
  }
  return null;
}

function walk(value, type, file, where, out) {
  if (Array.isArray(value)) {
    const element = arrayElement(type, file);
    if (element) value.forEach((v, i) => walk(v, element.type, element.file, `${where}[${i}]`, out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const shapes = objectTypes(type, file);
  if (shapes.length === 0) return;  // opaque (e.g. free-form JSON): not checked
  const { type: shape, file: shapeFile } = shapes[0];
  for (const [key, v] of Object.entries(value)) {
    const at = where ? `${where}.${key}` : key;
    if (key in shape.fields) {
      walk(v, shape.fields[key], shapeFile, at, out);
    } else if (shape.index) {
      walk(v, shape.index, shapeFile, at, out);
    } else {
      out.push(at);
    }
  }
}

// doc: a parsed manifest object; module: the model's module, e.g.
// 'kubernetes-models/apps/v1' (its <Kind>.d.ts declares I<Kind>).
function unknownFields(doc, module) {
  const declarationFile = moduleFile(__filename, `${module}/${doc.kind}`);
  const root = declarationFile && resolve(declarationFile, `I${doc.kind}`);
  if (!root) throw new Error(`no declaration of ${doc.kind} in ${module}`);
  const out = [];
  walk(doc, root.type, root.file, '', out);
  return out;
}

module.exports = { unknownFields };
