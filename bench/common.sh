# Shared set-up for the engine benchmarks; source it after setting REPO, BUILD and WORK.
#   engine_classpath        sets CP: engine test-classes + classes + every dependency (test scope);
#                           DRIZZLE_CP=<ready class path> skips the Maven steps.
#   start_bench_server DIR  starts the engine test-jar's BenchServer on DIR; sets SERVER (pid), PORT.
#   median                  median of the numbers on stdin (mean of the middle two for even counts).

engine_classpath() {
  if [ -n "${DRIZZLE_CP:-}" ]; then
    CP=$DRIZZLE_CP
    return
  fi
  (cd "$REPO" && mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine -am test-compile >/dev/null)
  (cd "$REPO" && mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
  CP="$REPO/engine/$BUILD/test-classes:$REPO/engine/$BUILD/classes:$(cat "$WORK/cp.txt")"
}

start_bench_server() {
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.drizzle.engine.testserver.BenchServer "$1" \
      > "$WORK/server.out" 2> "$WORK/server.err" &
  SERVER=$!
  for _ in $(seq 100); do [ -s "$WORK/server.out" ] && break; sleep 0.1; done
  PORT=$(head -1 "$WORK/server.out")
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
