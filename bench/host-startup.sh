#!/usr/bin/env bash
# Host start-up and compile benchmark.
#  1. wall time of `bin/drizzle Get-BitsTransfer` (embedded engine, empty store, AppCDS archive
#     made by a warm-up run) against `java -version`; target <= 2x.
#  2. Nashorn compile + run of a generated 200-line script (first and warm runs, in one JVM).
# Usage: bench/host-startup.sh [runs]   (DRIZZLE_BUILD_DIR selects the build folder, default target)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"
BUILD="${DRIZZLE_BUILD_DIR:-target}"
export DRIZZLE_HOME="$(mktemp -d)"
trap 'rm -rf "$DRIZZLE_HOME"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

"$ROOT/bin/drizzle" -Engine Embedded Get-BitsTransfer >/dev/null 2>&1 || true   # builds if needed, writes the CDS archive
JV=$(for i in $(seq "$RUNS"); do wall java -version; done | median)
DZ=$(for i in $(seq "$RUNS"); do wall "$ROOT/bin/drizzle" -Engine Embedded Get-BitsTransfer; done | median)
NOCDS=$(for i in $(seq "$RUNS"); do DRIZZLE_CDS=0 wall "$ROOT/bin/drizzle" -Engine Embedded Get-BitsTransfer; done | median)
echo "java -version                         median ${JV} ms"
echo "bin/drizzle Get-BitsTransfer (AppCDS) median ${DZ} ms  ($(awk "BEGIN{printf \"%.1f\", $DZ/$JV}")x)"
echo "bin/drizzle Get-BitsTransfer (no CDS) median ${NOCDS} ms"

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
