#!/usr/bin/env bash
# Host start-up and compile benchmark.
#  1. wall time of `bin/drizzle Get-BitsTransfer` against `java -version` (target <= 2x), medians of
#     RUNS runs each (spread shown as min..max). On a shared machine the load drifts, so the quick
#     path is timed interleaved with `java -version` and the median of the per-pair ratios is
#     reported too:
#     - quick path: the per-user service runs, bin/drizzle starts only the thin QuickClient JVM
#       (its own AppCDS archive) and the service runs the command (docs/host.md "Quick path");
#     - full host, embedded engine (no service; AppCDS archive made by a warm-up run), and without CDS;
#     - full host talking to the running service (DRIZZLE_QUICK=0).
#  2. Nashorn compile + run of a generated 200-line script (first and warm runs, in one JVM).
# Usage: bench/host-startup.sh [runs]   (default 11; DRIZZLE_BUILD_DIR selects the build folder, default target)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-11}"
BUILD="${DRIZZLE_BUILD_DIR:-target}"
export DRIZZLE_HOME="$(mktemp -d)"
trap '"$ROOT/bin/drizzle" service stop --user >/dev/null 2>&1 || true; rm -rf "$DRIZZLE_HOME"' EXIT
. "$ROOT/bench/common.sh"   # median

wall() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# "median M ms (min..max)" of RUNS runs of a command
runs() { local t; t=$(for i in $(seq "$RUNS"); do wall "$@"; done); echo "$(echo "$t" | median) $(echo "$t" | sort -n | head -1) $(echo "$t" | sort -n | tail -1)"; }
show() { printf '%-48s median %5s ms  (%s..%s)' "$1" $2 $3 $4; [[ -n "${5:-}" ]] && printf '  %sx java -version' "$(awk "BEGIN{printf \"%.1f\", $2/$5}")"; echo; }

echo "load: $(uptime | sed 's/.*load average/load average/')"
"$ROOT/bin/drizzle" -Engine Embedded Get-BitsTransfer >/dev/null 2>&1 || true   # builds if needed, writes the CDS archive
JV=($(runs java -version))
DZ=($(runs "$ROOT/bin/drizzle" -Engine Embedded Get-BitsTransfer))
NOCDS=($(runs env DRIZZLE_CDS=0 "$ROOT/bin/drizzle" -Engine Embedded Get-BitsTransfer))

# the per-user service, as -Engine User (or -Asynchronous) starts it; then the quick path's
# first run writes the client's archive
"$ROOT/bin/drizzle" -Engine User Get-BitsTransfer >/dev/null 2>&1
for i in $(seq 100); do [[ -f "$DRIZZLE_HOME/user-quick.port" ]] && break; sleep 0.1; done
"$ROOT/bin/drizzle" Get-BitsTransfer >/dev/null 2>&1 || true
PAIRS=$(for i in $(seq "$RUNS"); do echo "$(wall java -version) $(wall "$ROOT/bin/drizzle" Get-BitsTransfer)"; done)
col() { local t; t=$(echo "$PAIRS" | awk -v c="$1" '{print $c}'); echo "$(echo "$t" | median) $(echo "$t" | sort -n | head -1) $(echo "$t" | sort -n | tail -1)"; }
JVQ=($(col 1))
QUICK=($(col 2))
RATIO=$(echo "$PAIRS" | awk '{printf "%.2f\n", $2 / $1}' | median)
VIA=($(runs env DRIZZLE_QUICK=0 "$ROOT/bin/drizzle" Get-BitsTransfer))
"$ROOT/bin/drizzle" service stop --user >/dev/null 2>&1 || true

show "java -version" "${JV[@]}"
show "java -version (interleaved with the quick path)" "${JVQ[@]}"
show "bin/drizzle Get-BitsTransfer, quick path" "${QUICK[@]}" "${JVQ[0]}"
echo "   quick path / java -version, median of the $RUNS per-pair ratios: ${RATIO}x (target <= 2x)"
show "bin/drizzle Get-BitsTransfer, full host + service" "${VIA[@]}" "${JV[0]}"
show "bin/drizzle Get-BitsTransfer, embedded (AppCDS)" "${DZ[@]}" "${JV[0]}"
show "bin/drizzle Get-BitsTransfer, embedded (no CDS)" "${NOCDS[@]}" "${JV[0]}"
echo "load: $(uptime | sed 's/.*load average/load average/')"

SCRIPT="$DRIZZLE_HOME/200.ps1"
{
  echo 'function Get-Size([long]$b) { if ($b -ge 1MB) { "{0:N1} MB" -f ($b / 1MB) } else { "$b B" } }'
  for i in $(seq 1 49); do
    echo "\$v$i = @{ Name = 'job$i'; Bytes = $((i * 123457)); State = 'Transferring' }"
    echo "if (\$v$i.Bytes -gt 1MB -and \$v$i.State -in 'Transferring','Connecting') { \$s$i = Get-Size \$v$i.Bytes }"
    echo "foreach (\$k in 1..3) { \$t$i += \$k * $i }"
    echo "\$r$i = switch (\$v$i.Name) { 'job1' { 1 } default { 'job' + $i -replace 'job', 'n' } }"
  done
  echo '"done"'
} > "$SCRIPT"
CP="$ROOT/host/$BUILD/drizzle-host-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/host/$BUILD/classpath.txt")"
cat > "$DRIZZLE_HOME/Bench.java" <<'JAVA'
import java.nio.file.*;
import org.drizzle.host.compile.JsCompiler;
import org.drizzle.host.HostSession;
public class Bench {
    public static void main(String[] a) throws Exception {
        String src = Files.readString(Path.of(a[0]));
        var out = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        var ui = new org.drizzle.host.console.TerminalUi(out, System.err, false);
        var host = new HostSession(ui, out, System.err, org.drizzle.host.runtime.ConsoleOutput.Format.TEXT,
                org.drizzle.host.engine.EngineMode.EMBEDDED);
        for (int i = 1; i <= 5; i++) {
            long t0 = System.nanoTime();
            var c = JsCompiler.compile(src, "200.ps1");
            long t1 = System.nanoTime();
            host.run(src, "200.ps1", false, java.util.List.of());
            long t2 = System.nanoTime();
            System.out.printf("run %d: parse+compile to JS %d ms; whole run (parse, compile, Nashorn eval, execute) %d ms (%d lines, %d chars of JS)%n",
                    i, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, src.split("\n").length, c.javaScript().length());
        }
    }
}
JAVA
javac -cp "$CP" -d "$DRIZZLE_HOME" "$DRIZZLE_HOME/Bench.java"
echo "-- JVM flags as bin/drizzle uses them (-XX:TieredStopAtLevel=1):"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$DRIZZLE_HOME:$CP" Bench "$SCRIPT"
echo "-- default JVM flags (C2 on):"
java -cp "$DRIZZLE_HOME:$CP" Bench "$SCRIPT"
echo "-- whole process: bin/drizzle -File 200.ps1"
wall "$ROOT/bin/drizzle" -Engine Embedded -File "$SCRIPT" | sed "s/$/ ms/"
