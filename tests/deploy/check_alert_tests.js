// Every alert of a rules file must have a promtool test that expects it to
// fire, and one evaluation where it must not.
//
//   node check_alert_tests.js rules.yml rules_test.yml
'use strict';

const fs = require('fs');
const yaml = require('js-yaml');

function main([rulesFile, testFile]) {
  if (!rulesFile || !testFile) {
    console.error('usage: node check_alert_tests.js rules.yml rules_test.yml');
    return 2;
  }
  const rules = yaml.load(fs.readFileSync(rulesFile, 'utf8'));
  const tests = yaml.load(fs.readFileSync(testFile, 'utf8'));
  const alerts = rules.groups.flatMap((g) => g.rules).filter((r) => r.alert).map((r) => r.alert);
  const cases = tests.tests.flatMap((t) => t.alert_rule_test || []);
  let missing = 0;
  for (const alert of alerts) {
    const mine = cases.filter((c) => c.alertname === alert);
    const fires = mine.some((c) => (c.exp_alerts || []).length > 0);
    const quiet = mine.some((c) => (c.exp_alerts || []).length === 0);
    const ok = fires && quiet;
    if (!ok) missing += 1;
    console.log(`${ok ? "ok" : "MISSING"} ${alert}${ok ? "" : ":"} ${fires ? '' : 'no firing case '}${quiet ? '' : 'no quiet case'}`.trimEnd());
  }
  console.log(`${alerts.length} alerts, ${missing} without both cases`);
  return alerts.length > 0 && missing === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
