#!/usr/bin/env bash
# Starts a local Orthanc for development on loopback only (Debian's orthanc + orthanc-dicomweb), in the foreground:
#   bench/orthanc-dev.sh                 # HTTP 127.0.0.1:8042, DICOM 4242 (AET MUSUBIDEV), storage in /tmp/musubi-orthanc-dev
# and prints the settings that point a development Musubi at it. Environment: ORTHANC_DEV_DIR (storage and config),
# ORTHANC_HTTP_PORT, ORTHANC_DICOM_PORT, ORTHANC_PASSWORD (default: generated once and kept in the folder).
# Send a test study with dcmtk:   storescu -aec MUSUBIDEV -aet PACS 127.0.0.1 4242 file.dcm
# Stop it with Ctrl-C. Not for production: see docs/imaging.md for Orthanc with PostgreSQL as a service.
set -euo pipefail

dir="${ORTHANC_DEV_DIR:-/tmp/musubi-orthanc-dev}"
http_port="${ORTHANC_HTTP_PORT:-8042}"
dicom_port="${ORTHANC_DICOM_PORT:-4242}"
plugin=/usr/share/orthanc/plugins/libOrthancDicomWeb.so

if [[ ! -x /usr/sbin/Orthanc || ! -f "$plugin" ]]; then
  echo "Orthanc or its DICOMweb plugin is not installed: sudo apt-get install orthanc orthanc-dicomweb dcmtk" >&2
  exit 1
fi
mkdir -p "$dir/storage"
if [[ -n "${ORTHANC_PASSWORD:-}" ]]; then
  password="$ORTHANC_PASSWORD"
elif [[ -f "$dir/password" ]]; then
  password="$(cat "$dir/password")"
else
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  (umask 077 && printf '%s' "$password" > "$dir/password")
fi
(umask 077 && cat > "$dir/orthanc.json" <<JSON
{
  "Name": "musubi-dev",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/storage",
  "HttpPort": $http_port,
  "DicomPort": $dicom_port,
  "DicomAet": "MUSUBIDEV",
  "DicomCheckCalledAet": false,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": true,
  "RegisteredUsers": { "musubi": "$password" },
  "StableAge": 5,
  "Plugins": [ "$plugin" ],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
}
JSON
)
cat <<TEXT
Orthanc for development: http://127.0.0.1:$http_port (DICOM port $dicom_port, AET MUSUBIDEV), storage $dir/storage
Point Musubi at it:
  MUSUBI_IMAGING_ORTHANC_URL=http://127.0.0.1:$http_port MUSUBI_IMAGING_USERNAME=musubi \\
  MUSUBI_IMAGING_PASSWORD='$password' ./musubi serve
TEXT
# RemoteAccessAllowed false: Orthanc answers loopback only; the HTTP server listens on every interface, so keep a
# firewall in front of a development machine on a shared network.
exec /usr/sbin/Orthanc "$dir/orthanc.json"
