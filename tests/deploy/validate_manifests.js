// Validates every object of rendered Kubernetes YAML against the API schemas
// shipped by the npm kubernetes-models packages (offline), and rejects fields
// the API does not define (the schemas let those through; see
// unknown_fields.js).
//
//   node validate_manifests.js FILE.yaml...
//
// Exit code 0 when every object is valid, 1 otherwise; an object whose kind
// has no schema here counts as invalid, so nothing passes unchecked.
'use strict';

const fs = require('fs');
const yaml = require('js-yaml');
const { unknownFields } = require('./unknown_fields');

// apiVersion -> module holding its classes.
function moduleFor(apiVersion) {
  if (apiVersion.startsWith('monitoring.coreos.com/')) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  }
  return `kubernetes-models/${apiVersion}`;
}

function classFor(apiVersion, kind) {
  try {
    const models = require(moduleFor(apiVersion));
    return models[kind] || null;
  } catch (e) {
    return null;
  }
}

function validateObject(doc) {
  const Model = classFor(doc.apiVersion, doc.kind);
  if (Model === null) return `no schema for ${doc.apiVersion} ${doc.kind}`;
  try {
    new Model(doc).validate();
  } catch (e) {
    return e.message;
  }
  const unknown = unknownFields(doc, moduleFor(doc.apiVersion));
  return unknown.length === 0 ? null : `fields not in the API: ${unknown.join(', ')}`;
}

function main(files) {
  if (files.length === 0) {
    console.error('usage: node validate_manifests.js FILE.yaml...');
    return 2;
  }
  let checked = 0;
  let failed = 0;
  for (const file of files) {
    const docs = yaml.loadAll(fs.readFileSync(file, 'utf8')).filter((d) => d != null);
    for (const doc of docs) {
      const name = `${file}: ${doc.kind}/${doc.metadata && doc.metadata.name}`;
      const error = validateObject(doc);
      checked += 1;
      if (error === null) {
        console.log(`ok ${name}`);
      } else {
        failed += 1;
        console.log(`INVALID ${name}: ${error}`);
      }
    }
  }
  console.log(`${checked} objects checked, ${failed} invalid`);
  return failed === 0 && checked > 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
