#!/usr/bin/env bash
# Integration test of issue #6 ("install only what the town needs"), run by './kiban test' after the Maven build:
# a materialised desk client (the product archive, extracted into a temporary folder), the business feature
# jp.kiban.healthinsurance.feature installed with p2 from the built repository releng/jp.kiban.repository, the
# command line started again (the business's bundles ACTIVE, its 'kokuho' command contributed, its tables
# migrated, demo data in them), uninstalled (the data stays in the database), installed again (the data is back).
# Before that: a copy of the repository whose 国保 bundle claims a must-not function is refused and nothing changes.
# The desk client is started too (under Xvfb): its navigation lists the business's screens only while installed.
# The second install comes from the repository served over HTTP on the loopback address.
#
#   tests/provisioning-it.sh ROOT TMP      exit 0 when every check passed
set -euo pipefail

ROOT="$1"; TMP="$2"
REPO="$ROOT/releng/jp.kiban.repository/target/repository"
INSTALL="$TMP/install"; DATA="$TMP/data"; OUT="$TMP/out"
FEATURE=jp.kiban.healthinsurance.feature
mkdir -p "$OUT"

say() { printf 'provisioning test: %s\n' "$*" >&2; }
fail() { printf 'provisioning test FAILED: %s\n' "$*" >&2; for f in "$OUT"/*; do printf '== %s\n' "$f" >&2; tail -40 "$f" >&2; done; exit 1; }
step=0
cli() { # cli NAME ARGS... : runs 'kiban cli' on the temporary installation; stdout in $OUT/NAME.out, stderr in .err
  local name="$1"; shift
  step=$((step + 1))
  echo "$step kiban cli $*" >>"$OUT/commands.txt"
  KIBAN_INSTALL_DIR="$INSTALL" "$ROOT/kiban" cli --data "$DATA" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
}
out() { cat "$OUT/$1.out"; }
err() { cat "$OUT/$1.err"; }

[ -f "$REPO/content.xml" ] || [ -f "$REPO/content.jar" ] || [ -f "$REPO/content.xml.xz" ] || fail "no p2 repository at $REPO"

derby_count() { # derby_count TABLE : rows in a table of the data folder's Derby database (ij from the product)
  local plugins="$INSTALL/kiban/plugins" cp
  cp="$(ls "$plugins"/derby_*.jar | head -1):$(ls "$plugins"/derbytools_*.jar | head -1):$(ls "$plugins"/derbyshared_*.jar | head -1)"
  printf "connect 'jdbc:derby:%s/db';\nselect count(*) as n from %s;\nexit;\n" "$DATA" "$1" \
    | "$JAVA_HOME/bin/java" -cp "$cp" -Dij.protocol=jdbc:derby: -Dderby.stream.error.file="$TMP/ij-derby.log" \
        org.apache.derby.tools.ij 2>&1 | awk '/^-+$/ { getline; gsub(/ /, ""); print; exit }'
}

desk_navigation() { # desk_navigation NAME : starts the desk client on the installation under Xvfb, prints its navigation
  local log="$DATA/logs/kiban-0.log" before pid line="" i
  before="$(grep -c "Desk client navigation:" "$log" 2>/dev/null || true)"
  KIBAN_INSTALL_DIR="$INSTALL" setsid xvfb-run -a -s "-screen 0 1280x1024x24" "$ROOT/kiban" desk --data "$DATA" \
    >"$OUT/$1.out" 2>&1 &
  pid=$!
  for i in $(seq 1 90); do
    if [ "$(grep -c "Desk client navigation:" "$log" 2>/dev/null || true)" -gt "${before:-0}" ]; then
      line="$(grep "Desk client navigation:" "$log" | tail -1)"; break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  for i in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  printf '%s\n' "$line" | tee "$OUT/$1.navigation"
}

serve_repository() { # a local HTTP server (loopback only) for the repository: sets HTTP_PID and HTTP_URL
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$REPO" >"$OUT/http.log" 2>&1 &
  HTTP_PID=$!
  HTTP_URL="http://127.0.0.1:$port/"
  for _ in $(seq 1 50); do curl -sf -o /dev/null "${HTTP_URL}p2.index" && return 0; sleep 0.2; done
  fail "the local HTTP server for the repository did not start"
}
HTTP_PID=""
trap '[ -n "$HTTP_PID" ] && kill "$HTTP_PID" 2>/dev/null; true' EXIT

state_of_installation() { # what must not change when an install is refused
  (cd "$INSTALL/kiban" && find plugins features -maxdepth 1 | sort
   sha256sum configuration/org.eclipse.equinox.simpleconfigurator/bundles.info configuration/config.ini
   find p2/org.eclipse.equinox.p2.engine/profileRegistry -type f | sort)
}

# --- a fresh installation and data folder ----------------------------------------------------------------------
cli migrate db migrate || fail "db migrate on the fresh installation"
cli list0 features list || fail "features list"
out list0 | grep -q "No business feature installed" || fail "a fresh installation lists business features"
has_kokuho() { cli "$1" kokuho --help && out "$1" | grep -q "Usage: kiban cli kokuho"; }
if has_kokuho kokuho0; then fail "the kokuho command exists before the feature is installed"; fi

if cli base features uninstall jp.kiban.base.feature; then fail "a feature of the desk product itself was uninstalled"; fi
err base | grep -q "part of the desk product itself" || fail "uninstalling the product's own feature is not refused with the reason"
cli available features available --repo "$REPO" || fail "features available"
out available | grep -q "^$FEATURE " || fail "the repository does not offer $FEATURE"

# --- a non-conforming feature is refused before anything changes ------------------------------------------------
BAD="$TMP/bad-repository"
python3 - "$REPO" "$BAD" <<'PY' || fail "could not make the non-conforming repository"
# A copy of the repository whose jp.kiban.healthinsurance.impl claims juki:1.1.8/must-not (みなし生年月日,
# 実装しない機能) besides its own functions; artifacts.xml gets the new size and checksums.
import hashlib, io, lzma, re, shutil, sys, zipfile
from pathlib import Path
src, dst = Path(sys.argv[1]), Path(sys.argv[2])
shutil.copytree(src, dst)
for f in ("p2.index", "artifacts.jar", "artifacts.xml.xz", "compositeArtifacts.jar"):
    (dst / f).unlink(missing_ok=True)
if (src / "artifacts.xml").exists():
    xml = (src / "artifacts.xml").read_text("utf-8")
elif (src / "artifacts.xml.xz").exists():
    xml = lzma.open(src / "artifacts.xml.xz").read().decode("utf-8")
else:
    xml = zipfile.ZipFile(src / "artifacts.jar").read("artifacts.xml").decode("utf-8")
def fold(line):  # manifest lines: at most 72 bytes, continued with a space, never inside a UTF-8 character
    out, cur, limit = [], "", 72
    for ch in line:
        if len((cur + ch).encode("utf-8")) > limit:
            out.append(cur); cur = " "; limit = 72
        cur += ch
    out.append(cur)
    return "\n".join(out)
jar = next((dst / "plugins").glob("jp.kiban.healthinsurance.impl_*.jar"))
zin = zipfile.ZipFile(jar)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            text = data.decode("utf-8").replace("\r\n", "\n").replace("\n ", "")  # unfold
            lines = []
            for line in text.split("\n"):
                if line.startswith("Kiban-Spec-Functions:"):
                    line += ", juki:1.1.8/must-not"
                lines.append(fold(line))
            data = "\n".join(lines).encode("utf-8")
        zout.writestr(item, data)
zin.close()
jar.write_bytes(buf.getvalue())
body = buf.getvalue()
name, version = re.match(r"(jp\.kiban\.healthinsurance\.impl)_(.*)\.jar", jar.name).groups()
pattern = re.compile(r"(<artifact classifier='osgi\.bundle' id='%s' version='%s'>.*?</artifact>)" % (re.escape(name), re.escape(version)), re.S)
m = pattern.search(xml)
assert m, "artifact entry not found"
entry = m.group(1)
new = entry
for key, value in (("artifact.size", len(body)), ("download.size", len(body)),
                   ("download.md5", hashlib.md5(body).hexdigest()),
                   ("download.checksum.md5", hashlib.md5(body).hexdigest()),
                   ("download.checksum.sha-256", hashlib.sha256(body).hexdigest()),
                   ("download.checksum.sha-512", hashlib.sha512(body).hexdigest()),
                   ("download.checksum.sha-1", hashlib.sha1(body).hexdigest())):
    new = re.sub(r"(<property name='%s' value=')[^']*(')" % re.escape(key), r"\g<1>%s\g<2>" % value, new)
(dst / "artifacts.xml").write_text(xml.replace(entry, new), "utf-8")
PY
before="$(state_of_installation)"
if cli refused features install "$FEATURE" --repo "$BAD"; then fail "the non-conforming feature was installed"; fi
err refused | grep -q "refused" || fail "the refusal does not say 'refused'"
err refused | grep -q "juki:1.1.8/must-not" || fail "the refusal does not name the must-not function"
err refused | grep -q "must not be implemented" || fail "the refusal does not say why"
[ "$before" = "$(state_of_installation)" ] || fail "the refused install changed the installation"
cli list1 features list || fail "features list after the refusal"
out list1 | grep -q "No business feature installed" || fail "the refused feature is listed as installed"
say "a feature claiming a must-not function is refused, the installation unchanged: $(err refused | grep -m1 -o 'Feature .* is refused')"

# --- install, restart, the business is there ----------------------------------------------------------------------
cli install features install "$FEATURE" --repo "$REPO" || fail "install $FEATURE"
out install | grep -q "^Installed $FEATURE " || fail "install did not report the feature"
ls "$INSTALL"/kiban/plugins/jp.kiban.healthinsurance.impl_*.jar >/dev/null 2>&1 || fail "no jp.kiban.healthinsurance.impl in plugins/"
# a new start of the command line: the bundles of the feature run, its schema migrates, its command is there
cli migrate1 db migrate || fail "db migrate with kokuho"
out migrate1 | grep -q "kokuho" || fail "db migrate did not apply the kokuho schema"
cli list2 features list || fail "features list after the install"
out list2 | grep -q "^$FEATURE " || fail "$FEATURE is not listed as installed after a restart"
out list2 | grep -Eq "jp\.kiban\.healthinsurance\.impl +[^ ]+ +(ACTIVE|STARTING)" || fail "jp.kiban.healthinsurance.impl is not running after a restart"
has_kokuho kokuho1 || fail "the kokuho command of the installed feature is missing after a restart"
cli demo1 demo generate --residents 120 --seed 7 || fail "demo generate with kokuho"
persons="$(derby_count kokuho_person)"; rates="$(derby_count kokuho_rate)"
[ -n "$persons" ] && [ "$persons" -gt 0 ] || fail "no 国保 data after the install (kokuho_person: '${persons}')"
say "installed $FEATURE, restarted: $(out list2 | grep -E 'jp\.kiban\.healthinsurance\.impl ' | tr -s ' ')"
nav="$(desk_navigation desk-installed)"
[ -n "$nav" ] || fail "the desk client did not show its navigation with $FEATURE installed"
printf '%s' "$nav" | grep -q "jp.kiban.healthinsurance.ui" || fail "the desk client shows no 国保 screens after the install: $nav"
say "the desk client shows the business's screens: ${nav#*Desk client navigation: }"
say "国保 data: $persons insured persons, $rates rate rows"

# --- uninstall: the business goes, its data stays -------------------------------------------------------------------
cli uninstall features uninstall "$FEATURE" || fail "uninstall $FEATURE"
out uninstall | grep -q "^Uninstalled $FEATURE " || fail "uninstall did not report the feature"
cli list3 features list || fail "features list after the uninstall"
out list3 | grep -q "No business feature installed" || fail "$FEATURE is still listed after the uninstall"
if has_kokuho kokuho3; then fail "the kokuho command is still there after the uninstall and a restart"; fi
grep -q "jp.kiban.healthinsurance" "$INSTALL/kiban/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
  && fail "bundles.info still lists the 国保 bundles"
[ "$(derby_count kokuho_person)" = "$persons" ] || fail "the 国保 data changed with the uninstall ($(derby_count kokuho_person) != $persons)"
nav="$(desk_navigation desk-uninstalled)"
[ -n "$nav" ] || fail "the desk client did not show its navigation after the uninstall"
printf '%s' "$nav" | grep -q "jp.kiban.healthinsurance" && fail "the desk client still shows 国保 screens after the uninstall: $nav"
cli status3 db status || fail "db status after the uninstall"
say "uninstalled: the kokuho command is gone, its data stays ($persons insured persons)"

# --- install again, this time from a URL: the data is back -----------------------------------------------------------
serve_repository
# p2 turns http: into https: unless told otherwise (-Dp2.httpRule=allow); the test server speaks plain HTTP
export KIBAN_JAVA_OPTS="-Dp2.httpRule=allow ${KIBAN_JAVA_OPTS:-}"
cli available4 features available --repo "$HTTP_URL" || fail "features available over HTTP"
out available4 | grep -q "^$FEATURE " || fail "the repository over HTTP does not offer $FEATURE"
cli install4 features install "$FEATURE" --repo "$HTTP_URL" || fail "second install of $FEATURE (from $HTTP_URL)"
cli list4 features list || fail "features list after the second install"
out list4 | grep -Eq "jp\.kiban\.healthinsurance\.impl +[^ ]+ +(ACTIVE|STARTING)" || fail "jp.kiban.healthinsurance.impl not running after the second install"
has_kokuho kokuho4 || fail "the kokuho command is missing after the second install"
[ "$(derby_count kokuho_person)" = "$persons" ] || fail "the 国保 data is not back after the second install"
say "installed again from $HTTP_URL: the kokuho command and its $persons insured persons are back"

# --- an optional function (住民記録 8.1 本人通知) is installed and removed like any feature ---------------------------
OPTIONAL=jp.kiban.resident.notification.feature
out available4 | grep -q "^$OPTIONAL " || fail "the repository does not offer the optional function $OPTIONAL"
cli install5 features install "$OPTIONAL" --repo "$REPO" || fail "install $OPTIONAL"
cli migrate5 db migrate || fail "db migrate with $OPTIONAL"
out migrate5 | grep -q "notification" || fail "db migrate did not apply the schema of $OPTIONAL"
cli list5 features list || fail "features list after installing $OPTIONAL"
out list5 | grep -q "^$OPTIONAL " || fail "$OPTIONAL is not listed as installed after a restart"
out list5 | grep -Eq "jp\.kiban\.resident\.notification +[^ ]+ +(ACTIVE|STARTING|RESOLVED)" || fail "jp.kiban.resident.notification is not in the framework after the install"
cli spec5 spec report || fail "spec report with $OPTIONAL"
out spec5 | grep -Eq "juki:8\.1\.1/optional .*jp\.kiban\.resident\.notification" || fail "the conformance report does not show the optional function 8.1.1 as installed"
cli uninstall5 features uninstall "$OPTIONAL" || fail "uninstall $OPTIONAL"
cli list6 features list || fail "features list after uninstalling $OPTIONAL"
out list6 | grep -q "^$OPTIONAL " && fail "$OPTIONAL is still listed after the uninstall"
out list6 | grep -q "^$FEATURE " || fail "uninstalling $OPTIONAL removed $FEATURE as well"
cli spec6 spec report || fail "spec report after uninstalling $OPTIONAL"
out spec6 | grep -q "juki:8\.1\.1/optional" && fail "the conformance report still shows 8.1.1 after the uninstall"
say "the optional function $OPTIONAL was installed and removed; $FEATURE stays"
echo "provisioning test passed"
