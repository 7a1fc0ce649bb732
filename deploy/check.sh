#!/usr/bin/env bash
# Validates the deployment files with the tools this machine has (each check is skipped, and says
# so, when its tool is missing): nginx -t on the host site and the compose site with a throwaway
# certificate, systemd-analyze verify on the units, docker compose config on the compose file.
# Run from anywhere: deploy/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

if command -v nginx > /dev/null; then
  # A throwaway self-signed pair where the sites expect theirs.
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=shouhu.test -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2> /dev/null
  for site in shouhu compose; do
    mkdir -p "$tmp/$site/snippets" "$tmp/$site/logs"
    sed -e "s#/etc/nginx/snippets/#$tmp/$site/snippets/#" -e "s#/etc/ssl/shouhu/#$tmp/#" -e "s#/etc/nginx/certs/#$tmp/#" \
      -e "s#server app1:8080#server 127.0.0.1:18081#" -e "s#server app2:8080#server 127.0.0.1:18082#" "$here/nginx/$site.conf" > "$tmp/$site/site.conf"
    sed -e "s#/var/log/nginx/#$tmp/$site/logs/#" "$here/nginx/shouhu-proxy.conf" > "$tmp/$site/snippets/shouhu-proxy.conf"
    # nginx before 1.25.1 has no "http2 on;" (the compose image is 1.27): test that site's rest.
    if [ "$site" = compose ] && ! nginx -V 2>&1 | grep -qE 'nginx/1\.(2[5-9]|[3-9][0-9])'; then
      sed -i -e 's/^\s*http2 on;//' "$tmp/$site/site.conf"
    fi
    sed -i -e "s#/var/log/nginx/#$tmp/$site/logs/#" "$tmp/$site/site.conf"
    cat > "$tmp/$site/nginx.conf" <<CONF
pid $tmp/$site/nginx.pid;
error_log $tmp/$site/logs/error.log;
events {}
http {
  client_body_temp_path $tmp/$site/body;
  proxy_temp_path $tmp/$site/proxy;
  fastcgi_temp_path $tmp/$site/fastcgi;
  uwsgi_temp_path $tmp/$site/uwsgi;
  scgi_temp_path $tmp/$site/scgi;
  include $tmp/$site/site.conf;
}
CONF
    if nginx -t -q -c "$tmp/$site/nginx.conf" -p "$tmp/$site"; then echo "nginx -t: deploy/nginx/$site.conf ok"; else echo "nginx -t: deploy/nginx/$site.conf FAILED"; failed=1; fi
  done
else
  echo "nginx -t: skipped (no nginx; apt-get install nginx)"
fi

if command -v systemd-analyze > /dev/null; then
  # verify wants the unit's binaries and users to exist; it checks syntax and every option's value.
  mkdir -p "$tmp/units"
  cp "$here/systemd/shouhu@.service" "$tmp/units/shouhu@.service"
  cp "$here/systemd/shouhu.target" "$tmp/units/shouhu.target"
  out=$(cd "$tmp/units" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$tmp/units/shouhu@8081.service" "$tmp/units/shouhu.target" 2>&1 || true)
  # Lines about what this build machine lacks (the shouhu user, /opt/shouhu, node) are not faults of the unit.
  problems=$(printf '%s\n' "$out" | grep -v -e '^$' -e "shouhu@8082.service" -e 'Failed to resolve user' -e '/opt/shouhu' -e 'Command /usr/bin/node' -e 'is not executable' -e 'Unit .* not found' || true)
  if [ -z "$problems" ]; then echo "systemd-analyze verify: deploy/systemd ok"; else printf '%s\n' "$problems"; echo "systemd-analyze verify: FAILED"; failed=1; fi
else
  echo "systemd-analyze verify: skipped (no systemd-analyze)"
fi

compose=""
if docker compose version > /dev/null 2>&1; then compose="docker compose"; elif command -v docker-compose > /dev/null; then compose="docker-compose"; fi
if [ -n "$compose" ]; then
  if POSTGRES_PASSWORD=check REPLICATION_PASSWORD=check SHOUHU_SECRET=$(openssl rand -hex 32) $compose -f "$here/compose.yaml" config -q; then
    echo "$compose config: deploy/compose.yaml ok"
  else
    echo "$compose config: deploy/compose.yaml FAILED"; failed=1
  fi
else
  echo "docker compose config: skipped (no docker compose plugin nor docker-compose)"
fi
exit $failed
