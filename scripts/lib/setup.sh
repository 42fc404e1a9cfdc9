# Shared by scripts/test and scripts/demo: say what happens, install what is missing.
# Sourced, not run.

# The Debian/Ubuntu packages the build and the tests need: libpq's headers, the PostgreSQL
# server (the embedded default and the test clusters), pg_virtualenv and pkg-config.
ECPA_PACKAGES=(libpq-dev postgresql postgresql-common pkg-config)

say() {
    printf '==> %s\n' "$*"
}

fail() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Installs the packages of ECPA_PACKAGES that are missing, with apt-get (through sudo when not root).
ensure_packages() {
    say "Checking the system packages: ${ECPA_PACKAGES[*]}"
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        say "No apt-get here (not Debian/Ubuntu): make sure libpq, the PostgreSQL server and pkg-config are installed."
        return
    fi
    local missing=() package
    for package in "${ECPA_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "All present."
        return
    fi
    local run_as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null ||
            fail "Missing packages: ${missing[*]}; install them as root with: apt-get install ${missing[*]}"
        run_as_root=(sudo)
        say "Installing needs root: sudo may ask for your password."
    fi
    say "Installing ${missing[*]} (apt-get update, then apt-get install)"
    "${run_as_root[@]}" apt-get update
    "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Stops with one sentence when Swift is missing: Debian has no package for it.
ensure_swift() {
    command -v swift >/dev/null ||
        fail "Swift 6 is not installed: get it from https://www.swift.org/install/linux/ (Debian has no package for it), put its usr/bin on PATH, and run this again."
    say "Using $(swift --version 2>/dev/null | head -n 1)"
}
