# Shared by scripts/test and scripts/demo: say what happens, install what is missing.
# Sourced, not run.

# The Debian/Ubuntu packages the build and the tests need: libpq's headers, the PostgreSQL
# server (the embedded default and the test clusters), pg_virtualenv and pkg-config.
ECPA_PACKAGES=(libpq-dev postgresql postgresql-common pkg-config)

# What the tests need beyond that: a real browser and its driver, which look at every HTML page
# ecpa writes (BrowserTests), and Python's venv for the accessibility checker's packages.
ECPA_TEST_PACKAGES=(chromium chromium-driver python3-venv)

# The checker's Python packages, pinned, in a virtual environment of the build's own (never the
# system's Python): selenium drives Chromium; selenium-axe-python carries axe-core 4.9, whose
# rules check WCAG 2.1 A and AA (axe-selenium-python, its predecessor, carries axe-core 3.1).
ECPA_BROWSER_ENV=.build/browser-env
ECPA_BROWSER_PACKAGES=(selenium==4.51.0 selenium-axe-python==2.2.0)

say() {
    printf '==> %s\n' "$*"
}

fail() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Installs the packages given (ECPA_PACKAGES when none) that are missing, with apt-get (through
# sudo when not root).
ensure_packages() {
    local wanted=("$@")
    [ ${#wanted[@]} -gt 0 ] || wanted=("${ECPA_PACKAGES[@]}")
    say "Checking the system packages: ${wanted[*]}"
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        say "No apt-get here (not Debian/Ubuntu): make sure libpq, the PostgreSQL server and pkg-config are installed."
        return
    fi
    local missing=() package
    for package in "${wanted[@]}"; do
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

# Makes the browser checker's virtual environment when its packages are missing (pip, from PyPI).
ensure_browser_checker() {
    say "Checking the browser checker's Python packages in $ECPA_BROWSER_ENV: ${ECPA_BROWSER_PACKAGES[*]}"
    if "$ECPA_BROWSER_ENV/bin/python" -c 'import selenium, selenium_axe_python' 2>/dev/null; then
        say "All present."
        return
    fi
    say "Installing them (python3 -m venv, then pip install)"
    python3 -m venv "$ECPA_BROWSER_ENV" || fail "python3 -m venv failed: on Debian or Ubuntu, install python3-venv."
    "$ECPA_BROWSER_ENV/bin/pip" install --quiet --disable-pip-version-check "${ECPA_BROWSER_PACKAGES[@]}"
}
