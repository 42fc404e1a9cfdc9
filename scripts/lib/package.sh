# The Linux package of ecpa: what its program may link against, its Debian control file, and the
# check scripts/test runs on the .deb. Shared by scripts/package and scripts/test. Sourced, not run.

# The shared libraries a packaged ecpa may need: libpq, and the C library's own (libgcc_s
# included: Debian's libc6 depends on it). Everything of Swift's is linked in.
ECPA_ALLOWED_LIBRARIES=(libpq.so.5 libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2
    libgcc_s.so.1 ld-linux-x86-64.so.2 ld-linux-aarch64.so.1)

# Stops when BIN needs a shared library other than those above, or carries a library search
# path (which could find a Swift toolchain's libraries).
check_needed_libraries() {
    local bin=$1 dynamic library
    dynamic=$(readelf -d "$bin")
    for library in $(sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' <<<"$dynamic"); do
        [[ " ${ECPA_ALLOWED_LIBRARIES[*]} " == *" $library "* ]] ||
            fail "$bin needs $library, which a packaged ecpa may not: only libpq and the C library."
    done
    if grep -qE '\((RPATH|RUNPATH)\)' <<<"$dynamic"; then
        fail "$bin carries a library search path: $(grep -E '\((RPATH|RUNPATH)\)' <<<"$dynamic")"
    fi
}

# Prints the Debian control file of the package whose files are in FOLDER/debian/ecpa (its
# usr/bin/ecpa...), where dpkg-shlibdeps works out which versions of libc6 and libpq5 the
# program needs.
write_control() {
    local folder=$1 version=$2 architecture=$3 depends
    printf 'Source: ecpa\n\nPackage: ecpa\nArchitecture: any\n' >"$folder/debian/control"
    depends=$(cd "$folder" && dpkg-shlibdeps -O debian/ecpa/usr/bin/ecpa | sed -n 's/^shlibs:Depends=//p')
    rm "$folder/debian/control"
    [[ "$depends" == *libpq5* ]] || fail "dpkg-shlibdeps did not find libpq5 among the dependencies ($depends)."
    cat <<EOF
Package: ecpa
Version: $version
Architecture: $architecture
Maintainer: ${ECPA_MAINTAINER:-ecpa maintainers <ecpa@example.org>}
Installed-Size: $(du -sk "$folder/debian/ecpa" | cut -f1)
Depends: $depends
Suggests: postgresql, bash-completion
Section: utils
Priority: optional
Description: European Crime Prevention Award: entries, judging and results
 ecpa runs an edition of the European Crime Prevention Award, from the call
 for entries to the medal podium and the winners' report: national
 representatives send their country's entry, jurors score, the secretariat
 runs the edition. It works on the award's shared PostgreSQL server, whose
 permissions decide who may do what.
 .
 Without a server it can keep a small database of its own, which needs the
 postgresql package.
EOF
}

# The check of a package that scripts/test runs: DEB installs into an empty root folder, its
# program needs no Swift library and nothing but libpq and the C library, runs with no Swift
# toolchain on the library path, and the man page and completions are in it.
check_package() {
    local deb=$1 installed
    installed=$(mktemp -d)
    # A root folder with an empty dpkg database: dpkg installs the package there as on a new
    # computer (libpq5 is the computer's own, so its dependency is not checked there).
    mkdir -p "$installed/var/lib/dpkg/info" "$installed/var/lib/dpkg/updates"
    touch "$installed/var/lib/dpkg/status"
    # dpkg looks for ldconfig and start-stop-daemon, which are not on a user's PATH.
    local log
    log=$(PATH="$PATH:/usr/sbin:/sbin" dpkg --root="$installed" --force-depends --force-not-root --force-script-chrootless -i "$deb" 2>&1) ||
        fail "dpkg could not install $deb into an empty root folder:
$log"
    local file
    for file in usr/bin/ecpa usr/share/man/man1/ecpa.1.gz usr/share/bash-completion/completions/ecpa \
        usr/share/zsh/vendor-completions/_ecpa usr/share/fish/vendor_completions.d/ecpa.fish; do
        [ -s "$installed/$file" ] || fail "$deb does not install /$file."
    done
    # Read whole before grep -q, which stops early: with pipefail, zcat's broken pipe would fail.
    local manual depends
    manual=$(zcat "$installed/usr/share/man/man1/ecpa.1.gz")
    grep -q '^\.Dt ECPA 1' <<<"$manual" || fail "$deb's man page is not ecpa's."
    depends=$(dpkg-deb --field "$deb" Depends)
    [[ "$depends" == *libpq5* ]] || fail "$deb does not depend on libpq5 (Depends: $depends)."

    local program="$installed/usr/bin/ecpa" libraries libpq
    libraries=$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= ldd "$program")
    if grep -qiE 'swift|Foundation|dispatch|BlocksRuntime|icu|not found' <<<"$libraries"; then
        fail "the installed ecpa needs a Swift library or one that is missing:
$libraries"
    fi
    # Every library ldd lists must be libpq, one libpq needs itself, or the C library's.
    libpq=$(sed -n 's/^\s*libpq\.so\.5 => \(\S*\).*/\1/p' <<<"$libraries")
    [ -n "$libpq" ] || fail "the installed ecpa does not link libpq:
$libraries"
    local allowed library
    allowed=" ${ECPA_ALLOWED_LIBRARIES[*]} linux-vdso.so.1 $(ldd "$libpq" | awk '{print $1}' | xargs -n1 basename | tr '\n' ' ') "
    for library in $(awk '{print $1}' <<<"$libraries" | xargs -n1 basename); do
        [[ "$allowed" == *" $library "* ]] ||
            fail "the installed ecpa needs $library, which is neither libpq's nor the C library's:
$libraries"
    done

    local version shown
    version=$(dpkg-deb --field "$deb" Version)
    shown=$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$program" --version) ||
        fail "the installed ecpa --version failed without a Swift toolchain on the library path."
    [ "$shown" = "$version" ] || fail "the installed ecpa --version says $shown; the package is version $version."
    rm -rf "$installed"
    say "The package installs into an empty root and runs: ecpa $shown, $(awk '{print $1}' <<<"$libraries" | xargs -n1 basename | wc -l) libraries (libpq's and the C library's), man page and completions in place."
}
