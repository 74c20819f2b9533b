# Functions of bench/run.sh (sourced by it after its options are read; they use its variables).

say() { echo "bench: $*" >&2; }

# install_packages: the Debian packages the benchmark needs; sets nginx_bin.
install_packages() {
  missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# The GC's smallest gen0 budget, as README "Running in production" recommends: left to itself the runtime kept a
# ~2 MB budget on this machine's one pinned core (65 gen0 collections a second, 7 % of the time in GC pauses under
# load, measured with dotnet-counters); 32 MB served 10 % more requests per second for about 30 MB more memory.
gc_gen0size=0x2000000

app_pid=""
app_port=""
app_launched_at=""
# The background link check is off: it would fetch the generated sources' made-up addresses during the measurement.
# start_app OUTPUT_CACHE DATABASE: returns once the app answers; app_launched_at is when its process was launched
# (after the port is chosen: starting Python for that takes ~0.35 s here, which is not the app's start-up).
start_app() {
  app_port=$(free_port)
  app_launched_at=$(date +%s%N)
  DOTNET_GCgen0size=$gc_gen0size \
  ASPNETCORE_ENVIRONMENT=Production \
  Site__PublicUrl="http://127.0.0.1:$app_port" \
  ConnectionStrings__Default="Data Source=$2" \
  Performance__OutputCache="$1" \
  Security__RateLimits__PublicPerAddressPerMinute=1000000000 \
  ForwardedHeaders__Enabled=true \
  Logging__LogLevel__Default=Warning \
  Evidence__LinkCheckEnabled=false \
    taskset -c "$server_cpu" dotnet "$work/web/ClaimTracker.Web.dll" --contentRoot "$work/web" --urls "http://127.0.0.1:$app_port" >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1200); do
    # The poll runs on the load generator's CPU, not on the server's.
    if taskset -c "$client_cpu" curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/" 2>/dev/null | grep -q 200; then return 0; fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app-$1.log" >&2; say "the app did not start"; exit 1; }
    sleep 0.05
  done
  say "the app did not answer within 60 s"; exit 1
}
stop_app() {
  [ -n "$app_pid" ] || return 0
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
nginx_pid=""
bare_pid=""
cached_ref_pid=""
cleanup() {
  stop_app
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true
  [ -z "$bare_pid" ] || kill "$bare_pid" 2>/dev/null || true
  [ -z "$cached_ref_pid" ] || kill "$cached_ref_pid" 2>/dev/null || true
}
# run_wrk NAME URL: one measurement (after 2 s of the same load untimed); sets w_rps, w_p50, w_p99, w_errors, w_timeouts.
run_wrk() {
  local name="$1" url="$2"
  taskset -c "$client_cpu" wrk -t1 -c"$connections" -d"$([ "$smoke" = true ] && echo 1 || echo 2)s" "$url" >/dev/null 2>&1 || true
  local out bad
  out=$(taskset -c "$client_cpu" wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url" 2>&1)
  w_rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  w_p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  w_p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  # Errors: non-2xx answers and broken connections. Timeouts (no answer within wrk's 2 s) are reported apart:
  # they say the server is saturated, not that it answered wrongly.
  w_errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 }' <<<"$out")
  w_timeouts=$(awk '/Socket errors:/ { gsub(",", ""); print $10 }' <<<"$out")
  w_errors=$(( ${w_errors:-0} + ${bad:-0} ))
  w_timeouts=${w_timeouts:-0}
  if [ -z "$w_rps" ] || [ "$w_errors" -gt 0 ] || awk -v r="$w_rps" 'BEGIN { exit !(r < 1) }'; then
    failures=$((failures + 1))
    say "$name: ${w_rps:-no} requests/s, $w_errors errors"
  fi
}
# add_row NAME URL RATIO: a table row of the last run_wrk.
add_row() {
  local path
  path=$(sed -E 's#^http://127\.0\.0\.1:[0-9]+##' <<<"$2")
  rows+=("| $1 | \`$path\` | ${w_rps:-–} | ${w_p50:-–} | ${w_p99:-–} | $w_errors | $w_timeouts | $3 |")
}
ratio() { awk -v r="$1" -v b="$2" 'BEGIN { if (r == "" || b == "") print "—"; else printf "%.0f%%", 100 * r / b }'; }
# measure NAME URL [BASELINE_RPS]: one run, one table row.
measure() {
  run_wrk "$1" "$2"
  add_row "$1" "$2" "$(ratio "$w_rps" "${3:-}")"
}

# write_nginx_conf PORT: nginx serving $work/static on one worker, as a static file server would be set up.
write_nginx_conf() {
  cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server {
    listen 127.0.0.1:$1;
    root $work/static;
    location / { default_type text/html; }
  }
}
EOF
}

# A fresh process runs cold code at first (ReadyToRun code is recompiled optimised once found hot): every
# route is exercised for a while before any is measured, as a server that has been up for a minute would be.
warm_up() {
  [ "$smoke" = true ] && return 0
  say "warming up: every route for $warm_seconds s"
  for route in "${routes[@]}"; do
    taskset -c "$client_cpu" wrk -t1 -c"$connections" -d"${warm_seconds}s" "http://127.0.0.1:$app_port${route#*|}" >/dev/null 2>&1 || true
  done
}
