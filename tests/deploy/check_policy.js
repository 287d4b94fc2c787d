// Checks the rendered manifests against what the deployment promises (issue
// 7): hardened pods, resources, native gRPC probes with the per-service
// health name, headless Services with named ports, and for every service a
// ServiceAccount, PodDisruptionBudget and HorizontalPodAutoscaler.
//
//   node check_policy.js RENDERED.yaml...
'use strict';

const fs = require('fs');
const yaml = require('js-yaml');

const SERVICES = {
  'juesuan-analyze': 'juesuan.analyze.v1.AnalyzeService',
  'juesuan-parse': 'juesuan.parse.v1.ParseService',
  'juesuan-validate': 'juesuan.validate.v1.ValidateService',
  'juesuan-scoring': 'juesuan.scoring.v1.ScoringService',
};

function checkDeployment(d, problems) {
  const pod = d.spec.template.spec;
  const health = SERVICES[d.metadata.name];
  const need = (cond, what) => { if (!cond) problems.push(`Deployment/${d.metadata.name}: ${what}`); };
  need(health, 'not one of the four services');
  need(pod.securityContext && pod.securityContext.runAsNonRoot === true, 'pod runAsNonRoot');
  need(pod.securityContext && pod.securityContext.seccompProfile &&
       pod.securityContext.seccompProfile.type === 'RuntimeDefault', 'seccomp RuntimeDefault');
  need(pod.serviceAccountName === d.metadata.name, 'own ServiceAccount');
  need(d.spec.replicas === undefined, 'no replicas field (the HorizontalPodAutoscaler owns the count)');
  need(pod.automountServiceAccountToken === false, 'no service account token');
  for (const c of pod.containers) {
    const sc = c.securityContext || {};
    const port = (c.ports || []).find((p) => p.name === 'grpc');
    need(sc.readOnlyRootFilesystem === true, `${c.name}: readOnlyRootFilesystem`);
    need(sc.allowPrivilegeEscalation === false, `${c.name}: allowPrivilegeEscalation false`);
    need(sc.capabilities && JSON.stringify(sc.capabilities.drop) === '["ALL"]', `${c.name}: drop ALL`);
    for (const k of ['requests', 'limits']) {
      need(c.resources && c.resources[k] && c.resources[k].cpu && c.resources[k].memory, `${c.name}: ${k}`);
    }
    need(port && (c.ports || []).some((p) => p.name === 'metrics'), `${c.name}: grpc and metrics ports`);
    for (const probe of ['startupProbe', 'readinessProbe']) {
      const g = c[probe] && c[probe].grpc;
      need(g && port && g.port === port.containerPort && g.service === health,
           `${c.name}: ${probe} grpc on ${port && port.containerPort} for ${health}`);
    }
    const live = c.livenessProbe && c.livenessProbe.grpc;
    need(live && port && live.port === port.containerPort && !live.service, `${c.name}: livenessProbe grpc ""`);
    const grace = (c.args || []).find((a) => a.startsWith('--shutdown_grace='));
    need(grace && parseInt(grace.split('=')[1], 10) + 5 <= d.spec.template.spec.terminationGracePeriodSeconds,
         `${c.name}: terminationGracePeriodSeconds >= shutdown_grace + 5 s`);
  }
}

function checkService(s, problems) {
  const need = (cond, what) => { if (!cond) problems.push(`Service/${s.metadata.name}: ${what}`); };
  need(s.spec.clusterIP === 'None', 'headless');
  const grpc = s.spec.ports.find((p) => p.name === 'grpc');
  need(grpc && grpc.appProtocol === 'grpc', 'port grpc with appProtocol grpc');
  need(s.spec.ports.some((p) => p.name === 'metrics'), 'port metrics');
}

function main(files) {
  let problems = [];
  let objects = 0;
  for (const file of files) {
    const docs = yaml.loadAll(fs.readFileSync(file, 'utf8')).filter((d) => d != null);
    objects += docs.length;
    const have = (kind, name) => docs.some((d) => d.kind === kind && d.metadata.name === name);
    const before = problems.length;
    for (const name of Object.keys(SERVICES)) {
      for (const kind of ['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']) {
        if (!have(kind, name)) problems.push(`${file}: missing ${kind}/${name}`);
      }
    }
    if (!docs.some((d) => d.kind === 'ConfigMap')) problems.push(`${file}: missing the configuration ConfigMap`);
    if (docs.filter((d) => d.kind === 'NetworkPolicy').length < 4) problems.push(`${file}: missing NetworkPolicies`);
    for (const d of docs) {
      if (d.kind === 'Deployment') checkDeployment(d, problems);
      if (d.kind === 'Service') checkService(d, problems);
      if (d.kind === 'HorizontalPodAutoscaler' && d.apiVersion !== 'autoscaling/v2') {
        problems.push(`HorizontalPodAutoscaler/${d.metadata.name}: not autoscaling/v2`);
      }
    }
    console.log(`${problems.length === before ? 'ok' : 'FAILED'} ${file}: ${docs.length} objects`);
  }
  for (const p of problems) console.log(`  ${p}`);
  console.log(`${objects} objects, ${problems.length} problems`);
  return objects > 0 && problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
