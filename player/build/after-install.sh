#!/bin/sh
# Runs after the .deb installs: the kiosk player starts from a systemd user unit or the desktop's
# autostart; we only make sure the chrome-sandbox helper keeps the permissions Electron needs.
set -e
if [ -f /opt/Baruga\ Player/chrome-sandbox ]; then
  chmod 4755 "/opt/Baruga Player/chrome-sandbox"
fi
