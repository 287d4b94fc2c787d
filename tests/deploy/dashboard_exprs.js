// Extracts every PromQL expression of a Grafana dashboard, with Grafana's
// variables replaced by values Prometheus accepts, and checks them.
//
//   node dashboard_exprs.js DASHBOARD.json --rules OUT.yml
//       writes each expression as a recording rule, for `promtool check rules`
//   node dashboard_exprs.js DASHBOARD.json --query http://127.0.0.1:9090 [--nonempty REGEX]
//       runs each expression through Prometheus's /api/v1/query; every one
//       must succeed, and those of panels whose title matches REGEX must
//       return at least one series
//
// Exit code 0 on success, 1 on a failed check, 2 on usage errors.
'use strict';

const fs = require('fs');

// Grafana's built-in interval variables, at values a check can use.
const GLOBALS = { __rate_interval: '1m', __interval: '1m', __range: '1h' };

function variableValues(dashboard) {
  const values = { ...GLOBALS };
  for (const variable of (dashboard.templating || {}).list || []) {
    // "All" of a multi-value variable: its allValue, else match anything.
    values[variable.name] = variable.allValue || '.*';
  }
  return values;
}

function substitute(expr, values) {
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced, bare) => {
    const name = braced || bare;
    if (!(name in values)) throw new Error(`unknown variable ${match} in: ${expr}`);
    return values[name];
  });
}

function collectTargets(panels, out) {
  for (const panel of panels || []) {
    for (const target of panel.targets || []) {
      if (target.expr !== undefined) {
        out.push({ panel: panel.title, refId: target.refId, expr: target.expr });
      }
    }
    collectTargets(panel.panels, out);
  }
  return out;
}

function writeRules(exprs, file) {
  const lines = ['groups:', '  - name: dashboard-expressions', '    rules:'];
  exprs.forEach((e, i) => {
    lines.push(`      - record: dashboard:expression_${i}`);
    lines.push(`        expr: ${JSON.stringify(e.expr)}`);
  });
  fs.writeFileSync(file, lines.join('\n') + '\n');
  console.log(`${exprs.length} expressions written to ${file}`);
  return 0;
}

async function queryAll(exprs, baseUrl, nonEmptyPattern) {
  let failed = 0;
  for (const e of exprs) {
    const url = `${baseUrl}/api/v1/query?query=${encodeURIComponent(e.expr)}`;
    let body;
    try {
      body = await (await fetch(url)).json();
    } catch (err) {
      body = { status: 'error', error: String(err) };
    }
    const series = body.status === 'success' ? body.data.result.length : 0;
    const mustHaveData = nonEmptyPattern !== null && nonEmptyPattern.test(e.panel);
    const ok = body.status === 'success' && (!mustHaveData || series > 0);
    if (!ok) failed += 1;
    console.log(`${ok ? 'ok' : 'FAILED'} [${e.panel} ${e.refId}] ${series} series` +
                (body.status === 'success' ? '' : `: ${body.error}`) +
                (ok || body.status !== 'success' ? '' : ' (expected data)'));
  }
  console.log(`${exprs.length} expressions queried, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

async function main(argv) {
  const [file, mode, arg, flag, pattern] = argv;
  if (!file || !['--rules', '--query'].includes(mode) || !arg) {
    console.error('usage: node dashboard_exprs.js DASHBOARD.json (--rules OUT.yml | --query URL [--nonempty REGEX])');
    return 2;
  }
  const dashboard = JSON.parse(fs.readFileSync(file, 'utf8'));
  const values = variableValues(dashboard);
  const exprs = collectTargets(dashboard.panels, []).map((e) => ({ ...e, expr: substitute(e.expr, values) }));
  if (exprs.length === 0) {
    console.error(`no expressions found in ${file}`);
    return 1;
  }
  if (mode === '--rules') return writeRules(exprs, arg);
  return queryAll(exprs, arg, flag === '--nonempty' ? new RegExp(pattern) : null);
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; },
                                 (err) => { console.error(err.message); process.exitCode = 1; });
