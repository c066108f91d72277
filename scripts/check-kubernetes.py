#!/usr/bin/env python3
"""The fleet's own rules for its Kubernetes manifests, read from `kubectl kustomize` output on
stdin (scripts/check-compose.sh runs it; the Kubernetes schemas are checked there too, by
kubernetes-validate). Prints one line per failed rule and exits 1 if any failed.

Rules, each a promise deploy/kubernetes makes to operators:
- every Deployment's containers have readiness and liveness probes on /health/ready and
  /health/live of a port they declare, resource requests and a memory limit, and take their
  secrets from the Secret, never from a literal;
- worker pods' grace period exceeds WORKER_SHUTDOWN_TIMEOUT_SECS (they drain in-flight jobs);
- every Deployment has a PodDisruptionBudget that selects its pods;
- text and audio workers together serve every queue of jobs/src/queue.rs exactly once;
- each KEDA ScaledObject has the shape of KEDA v2's CRD (keda.sh_scaledobjects.yaml, v1alpha1),
  targets a Deployment of the build, reads fleet_queue_jobs, and the workers' maximum replicas
  together stay within FLEET_WORKER_REPLICAS (PostgreSQL's connection budget);
- the ConfigMap holds no secret.
"""
import re
import sys

import yaml

SECRET_WORDS = ("SECRET", "TOKEN", "PASSWORD", "API_KEY", "DATABASE_URL", "REDIS_URL")
# The spec fields of KEDA v2's ScaledObject (keda.sh/v1alpha1), from its CRD.
KEDA_SPEC = {
    "advanced", "cooldownPeriod", "fallback", "idleReplicaCount", "initialCooldownPeriod",
    "maxReplicaCount", "minReplicaCount", "pollingInterval", "scaleTargetRef", "triggers",
}
KEDA_INT = {"cooldownPeriod", "idleReplicaCount", "initialCooldownPeriod", "maxReplicaCount",
            "minReplicaCount", "pollingInterval"}
KEDA_TRIGGER = {"authenticationRef", "metadata", "metricType", "name", "type", "useCachedMetrics"}

failures = []


def fail(msg):
    failures.append(msg)


def queues_in_code():
    text = open("jobs/src/queue.rs", encoding="utf-8").read()
    return set(re.findall(r'QueueName::\w+ => "([a-z_]+)"', text))


def main():
    docs = [d for d in yaml.safe_load_all(sys.stdin) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    config = {}
    for cm in by_kind.get("ConfigMap", []):
        config.update(cm.get("data", {}))
        for key in cm.get("data", {}):
            if any(w in key for w in SECRET_WORDS):
                fail(f"ConfigMap {cm['metadata']['name']} holds {key}: secrets go in the Secret")

    deployments = by_kind.get("Deployment", [])
    if not deployments:
        fail("no Deployment at all")
    shutdown = int(config.get("WORKER_SHUTDOWN_TIMEOUT_SECS", "30"))
    served = {}
    for dep in deployments:
        name = dep["metadata"]["name"]
        pod = dep["spec"]["template"]
        labels = pod["metadata"].get("labels", {})
        spec = pod["spec"]
        for c in spec["containers"]:
            ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
            for probe, path in (("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live")):
                get = c.get(probe, {}).get("httpGet")
                if not get or get.get("path") != path:
                    fail(f"{name}/{c['name']}: {probe} must GET {path}")
                elif get.get("port") not in ports and get.get("port") not in ports.values():
                    fail(f"{name}/{c['name']}: {probe} port {get.get('port')} is not declared")
            res = c.get("resources", {})
            if not res.get("requests", {}).get("cpu") or not res.get("requests", {}).get("memory"):
                fail(f"{name}/{c['name']}: no cpu and memory requests")
            if not res.get("limits", {}).get("memory"):
                fail(f"{name}/{c['name']}: no memory limit")
            if not any("secretRef" in e for e in c.get("envFrom", [])):
                fail(f"{name}/{c['name']}: secrets must come from the Secret (envFrom secretRef)")
            for e in c.get("env", []):
                if "value" in e and any(w in e["name"] for w in SECRET_WORDS):
                    fail(f"{name}/{c['name']}: {e['name']} written in the manifest")
            env = {e["name"]: e.get("value") for e in c.get("env", [])}
            if c.get("args", [None])[0] == "worker":
                grace = spec.get("terminationGracePeriodSeconds", 30)
                if grace <= shutdown:
                    fail(f"{name}: grace {grace}s does not exceed WORKER_SHUTDOWN_TIMEOUT_SECS {shutdown}s")
                queues = env.get("WORKER_QUEUES") or "all"
                served[name] = queues_in_code() if queues == "all" else set(queues.split(","))
        pdbs = [p for p in by_kind.get("PodDisruptionBudget", [])
                if p["spec"]["selector"]["matchLabels"].items() <= labels.items()]
        if not pdbs:
            fail(f"{name}: no PodDisruptionBudget selects its pods")

    code = queues_in_code()
    seen = [q for qs in served.values() for q in qs]
    unknown = set(seen) - code
    if unknown:
        fail(f"workers name queues the code does not have: {sorted(unknown)}")
    missing = code - set(seen)
    if missing:
        fail(f"no worker serves {sorted(missing)}")
    twice = sorted({q for q in seen if seen.count(q) > 1})
    if twice:
        fail(f"queues served by two kinds of worker: {twice}")

    dep_names = {d["metadata"]["name"] for d in deployments}
    most = 0
    for so in by_kind.get("ScaledObject", []):
        name = so["metadata"]["name"]
        if so.get("apiVersion") != "keda.sh/v1alpha1":
            fail(f"ScaledObject {name}: apiVersion {so.get('apiVersion')}, KEDA v2 is keda.sh/v1alpha1")
        spec = so.get("spec", {})
        for key in set(spec) - KEDA_SPEC:
            fail(f"ScaledObject {name}: unknown field spec.{key}")
        for key in KEDA_INT & set(spec):
            if not isinstance(spec[key], int):
                fail(f"ScaledObject {name}: spec.{key} must be an integer")
        fb = spec.get("fallback")
        if fb is not None and not {"failureThreshold", "replicas"} <= set(fb):
            fail(f"ScaledObject {name}: fallback needs failureThreshold and replicas")
        target = spec.get("scaleTargetRef", {}).get("name")
        if target not in dep_names:
            fail(f"ScaledObject {name}: scaleTargetRef {target} is no Deployment here")
        triggers = spec.get("triggers") or []
        if not triggers:
            fail(f"ScaledObject {name}: no triggers")
        for t in triggers:
            for key in set(t) - KEDA_TRIGGER:
                fail(f"ScaledObject {name}: unknown trigger field {key}")
            meta = t.get("metadata")
            if "type" not in t or not isinstance(meta, dict):
                fail(f"ScaledObject {name}: a trigger needs type and metadata")
                continue
            for k, v in meta.items():
                if not isinstance(v, str):
                    fail(f"ScaledObject {name}: trigger metadata {k} must be a string")
            if t["type"] == "prometheus":
                for k in ("serverAddress", "query", "threshold"):
                    if k not in meta:
                        fail(f"ScaledObject {name}: prometheus trigger without {k}")
                if "fleet_queue_jobs" not in meta.get("query", ""):
                    fail(f"ScaledObject {name}: does not scale on queue depth (fleet_queue_jobs)")
        lo, hi = spec.get("minReplicaCount", 0), spec.get("maxReplicaCount", 100)
        if lo < 1:
            fail(f"ScaledObject {name}: minReplicaCount {lo}: a queue must always have a worker")
        if hi < lo:
            fail(f"ScaledObject {name}: maxReplicaCount {hi} below minReplicaCount {lo}")
        most += hi
    budget = int(config.get("FLEET_WORKER_REPLICAS", "0"))
    if most > budget:
        fail(f"workers may scale to {most} pods but FLEET_WORKER_REPLICAS is {budget}")

    for f in failures:
        print(f"FAILED: {f}")
    if not failures:
        print(f"ok: {len(deployments)} Deployments, {len(by_kind.get('ScaledObject', []))} "
              f"ScaledObjects, workers scale to at most {most} of {budget} budgeted")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
