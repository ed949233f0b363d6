#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real, when they are missing:
# Chromium (UI tests), Kamailio with WebSocket and presence (SIP), sipp (SIP peer), Radicale (CalDAV),
# rtpengine (media between WebRTC and plain RTP).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ] || missing+=(kamailio)
compgen -G "/usr/lib/*/kamailio/modules/websocket.so" >/dev/null || compgen -G "/usr/lib/kamailio/modules/websocket.so" >/dev/null || missing+=(kamailio-websocket-modules)
# The presence server for colleagues' line status (RFC 4235 dialog events).
compgen -G "/usr/lib/*/kamailio/modules/presence_dialoginfo.so" >/dev/null || compgen -G "/usr/lib/kamailio/modules/presence_dialoginfo.so" >/dev/null || missing+=(kamailio-presence-modules)
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v radicale >/dev/null 2>&1 || [ -x /usr/bin/radicale ] || missing+=(radicale)
# The media relay between WebRTC (the window) and sipp's plain RTP, in userspace: recorded greetings and answering machines.
command -v rtpengine >/dev/null 2>&1 || [ -x /usr/bin/rtpengine ] || missing+=(rtpengine-daemon)

if [ ${#missing[@]} -eq 0 ]; then
  echo "test packages: all present"
  exit 0
fi

echo "test packages: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "test packages: missing ${missing[*]} and not root; install them with apt-get and run the tests again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -q
"${apt_get[@]}" install -y -q --no-install-recommends "${missing[@]}"
