# Musubi's JDK check, sourced by ./mvnw and ./musubi (POSIX sh; safe under set -euf).
# The java it checks is the one ./mvnw runs: $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on the PATH.
# musubi_java COMMAND prints that java's path when it is JDK 21 or newer; otherwise it prints one line (Japanese, then
# English) naming the JDK it found and how to name a newer one, and returns 1. The build's maven-enforcer rule
# (pom.xml, require-jdk-21) asks the same and stays as the backstop.

MUSUBI_JDK_MIN=21

# The feature release of a java command ("17", "21", "1.8" gives 8), or nothing when it cannot be run.
musubi_jdk_release() {
  musubi_jdk_spec=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = *//p' | head -n 1) || :
  case "$musubi_jdk_spec" in
  1.*) printf %s\\n "${musubi_jdk_spec#1.}" ;;
  *) printf %s\\n "$musubi_jdk_spec" ;;
  esac
}

# A JDK 21+ installed in the usual place, to name in the message (nothing when there is none).
musubi_jdk_suggestion() {
  for musubi_jdk_home in $(set +f; ls -d /usr/lib/jvm/*/ 2>/dev/null); do
    musubi_jdk_home="${musubi_jdk_home%/}"
    [ -x "$musubi_jdk_home/bin/java" ] || continue
    musubi_jdk_found=$(musubi_jdk_release "$musubi_jdk_home/bin/java")
    case "$musubi_jdk_found" in '' | *[!0-9]*) continue ;; esac
    if [ "$musubi_jdk_found" -ge "$MUSUBI_JDK_MIN" ]; then
      printf %s\\n "$musubi_jdk_home"
      return 0
    fi
  done
}

musubi_java() {
  musubi_jdk_command="${1:-./musubi}"
  if [ -n "${JAVA_HOME-}" ]; then
    musubi_jdk_java="$JAVA_HOME/bin/java"
  else
    musubi_jdk_java=$(command -v java 2>/dev/null) || musubi_jdk_java=""
  fi
  if [ -z "$musubi_jdk_java" ] || [ ! -x "$musubi_jdk_java" ]; then
    echo "Musubi には JDK ${MUSUBI_JDK_MIN} 以降が必要ですが、java が見つかりません（JAVA_HOME=${JAVA_HOME-}）。JAVA_HOME で JDK ${MUSUBI_JDK_MIN} 以降を指定してください / Musubi needs JDK ${MUSUBI_JDK_MIN} or newer, but no java was found (JAVA_HOME=${JAVA_HOME-}): point JAVA_HOME at a JDK ${MUSUBI_JDK_MIN}+ (see README, Getting started)" >&2
    return 1
  fi
  musubi_jdk_have=$(musubi_jdk_release "$musubi_jdk_java")
  case "$musubi_jdk_have" in
  '' | *[!0-9]*) musubi_jdk_have="?" ;;
  esac
  if [ "$musubi_jdk_have" != "?" ] && [ "$musubi_jdk_have" -ge "$MUSUBI_JDK_MIN" ]; then
    printf %s\\n "$musubi_jdk_java"
    return 0
  fi
  musubi_jdk_newer=$(musubi_jdk_suggestion) || musubi_jdk_newer=""
  musubi_jdk_newer="${musubi_jdk_newer:-/usr/lib/jvm/temurin-21-jdk-amd64}"
  echo "Musubi には JDK ${MUSUBI_JDK_MIN} 以降が必要です（見つかった JDK: ${musubi_jdk_have}, ${musubi_jdk_java}）。JAVA_HOME で指定してください。例: JAVA_HOME=${musubi_jdk_newer} ${musubi_jdk_command} / Musubi needs JDK ${MUSUBI_JDK_MIN} or newer (found ${musubi_jdk_have} at ${musubi_jdk_java}): name a newer one with JAVA_HOME, e.g. JAVA_HOME=${musubi_jdk_newer} ${musubi_jdk_command} (see README, Getting started)" >&2
  return 1
}
