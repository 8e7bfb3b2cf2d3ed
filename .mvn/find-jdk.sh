# Finds a JDK new enough for this project; sourced (POSIX sh) by ./mvnw, bin/sse-connector and
# .ci/run, so that the rule lives in one place:
#
#   . .mvn/find-jdk.sh
#   find_jdk 21 mvnw || exit 1            # MIN, the name to speak as, and optionally "java" when
#                                         # a runtime is enough (default: java and javac)
#
# find_jdk exports JAVA_HOME as a Java home of version MIN or newer. It keeps JAVA_HOME when that
# is one. Else it takes the home of `java` on the PATH, and else the newest one in the usual
# folders: /usr/lib/jvm/* (Debian, Ubuntu, Fedora) and /Library/Java/JavaVirtualMachines/*/Contents/Home
# (macOS). When it had to choose (JAVA_HOME or the PATH's java did not do), it says which one on
# stderr, in one line; when there is none, it says what to install, in one line, and returns 1.
#
# SSE_FIND_JDK_DIRS, for tests only: space-separated globs searched instead of the usual folders.

# The feature version (17, 21, 25) of the Java home $1, from its release file (no JVM is started),
# else from its java; nothing when neither tells.
find_jdk_version() {
  _fj_v=""
  if [ -r "$1/release" ]; then
    _fj_v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null)" || _fj_v=""
  fi
  if [ -z "$_fj_v" ] && [ -x "$1/bin/java" ]; then
    _fj_v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" || _fj_v=""
  fi
  case "$_fj_v" in 1.*) _fj_v="${_fj_v#1.}" ;; esac # 1.8 is Java 8
  _fj_v="${_fj_v%%[!0-9]*}"
  printf %s "$_fj_v"
}

# Whether $1 is a Java home with every tool of $3 (space-separated) and version $2 or newer;
# sets _fj_found_version.
find_jdk_fits() {
  _fj_found_version=""
  for _fj_tool in $3; do
    [ -x "$1/bin/$_fj_tool" ] || return 1
  done
  _fj_found_version="$(find_jdk_version "$1")"
  [ -n "$_fj_found_version" ] && [ "$_fj_found_version" -ge "$2" ]
}

# The Java home of the `java` command $1: two levels up from the resolved binary, or, when there
# is no release file there (a launcher stub such as macOS's /usr/bin/java), what the JVM says.
find_jdk_home_of() {
  _fj_bin="$(readlink -f "$1" 2>/dev/null)" || _fj_bin="$1"
  _fj_home="$(dirname "$(dirname "$_fj_bin")")"
  if [ ! -r "$_fj_home/release" ]; then
    _fj_said="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')" || _fj_said=""
    [ -z "$_fj_said" ] || _fj_home="$_fj_said"
  fi
  printf %s "$_fj_home"
}

find_jdk() {
  _fj_min="$1"
  _fj_who="$2"
  _fj_tools="${3:-java javac}"
  _fj_what="JDK"
  [ "$_fj_tools" != java ] || _fj_what="Java"

  # 1. JAVA_HOME, when it is one: nothing to say.
  if [ -n "${JAVA_HOME-}" ]; then
    if find_jdk_fits "$JAVA_HOME" "$_fj_min" "$_fj_tools"; then
      export JAVA_HOME
      return 0
    fi
    _fj_why="JAVA_HOME=$JAVA_HOME is ${_fj_found_version:+Java }${_fj_found_version:-not a $_fj_what}"
  else
    _fj_why="JAVA_HOME is unset"
  fi

  # 2. java on the PATH: used quietly when JAVA_HOME was unset, as Maven would.
  _fj_java="$(command -v java 2>/dev/null)" || _fj_java=""
  if [ -n "$_fj_java" ]; then
    _fj_home="$(find_jdk_home_of "$_fj_java")"
    if find_jdk_fits "$_fj_home" "$_fj_min" "$_fj_tools"; then
      if [ -n "${JAVA_HOME-}" ]; then
        echo "$_fj_who: using the $_fj_what $_fj_found_version at $_fj_home (java on the PATH), as $_fj_why" >&2
      fi
      JAVA_HOME="$_fj_home"
      export JAVA_HOME
      return 0
    fi
    _fj_why="$_fj_why and java on the PATH ($_fj_java) is ${_fj_found_version:+Java }${_fj_found_version:-not a $_fj_what}"
  else
    _fj_why="$_fj_why and there is no java on the PATH"
  fi

  # 3. The usual folders: the newest that fits. (mvnw runs with globbing off: on for the search.)
  _fj_dirs="${SSE_FIND_JDK_DIRS:-/usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home}"
  case $- in *f*) _fj_noglob=1; set +f ;; *) _fj_noglob="" ;; esac
  _fj_best=""
  _fj_best_version=0
  for _fj_pattern in $_fj_dirs; do
    for _fj_home in $_fj_pattern; do
      _fj_home="${_fj_home%/}"
      if [ -d "$_fj_home" ] && find_jdk_fits "$_fj_home" "$_fj_min" "$_fj_tools" \
        && [ "$_fj_found_version" -gt "$_fj_best_version" ]; then
        _fj_best="$_fj_home"
        _fj_best_version="$_fj_found_version"
      fi
    done
  done
  [ -z "$_fj_noglob" ] || set -f

  if [ -n "$_fj_best" ]; then
    echo "$_fj_who: using the $_fj_what $_fj_best_version at $_fj_best, as $_fj_why (set JAVA_HOME to choose)" >&2
    JAVA_HOME="$_fj_best"
    export JAVA_HOME
    return 0
  fi
  echo "$_fj_who: needs a $_fj_what $_fj_min or newer and found none ($_fj_why; none in $_fj_dirs): install one, e.g. Eclipse Temurin $_fj_min from https://adoptium.net (Debian 12 has no openjdk-$_fj_min package), and set JAVA_HOME to it" >&2
  return 1
}
