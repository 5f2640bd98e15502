# Sourced by the load and soak scripts: installs wrk from Debian's packages when it is missing.
if ! command -v wrk >/dev/null 2>&1; then
  sudo_or_not=""; if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_or_not="sudo -n"; fi
  $sudo_or_not apt-get install -y -q wrk >/dev/null 2>&1 \
    || { $sudo_or_not apt-get update -q >/dev/null 2>&1 && $sudo_or_not apt-get install -y -q wrk >/dev/null; }
fi
