# What an installed ecpa consists of: the program, its man page and its bash, zsh and fish
# completions, the last two generated from the command definitions. Shared by scripts/install
# and scripts/package, so that both lay out the same files. Sourced, not run.

source "$(dirname "${BASH_SOURCE[0]}")/manual.sh"

# Builds ecpa and argument-parser's generate-manual with the same `swift build` options (so they
# share every module), then prints the folder that holds both.
build_ecpa() {
    swift build "$@" --product ecpa >&2
    swift build "$@" --product generate-manual >&2
    swift build "$@" --show-bin-path
}

# Installs BIN_FOLDER/ecpa (as built by build_ecpa) into PREFIX: bin/ecpa, share/man/man1/ecpa.1
# and the completions. ZSH_FOLDER, below PREFIX, is where zsh finds them (share/zsh/site-functions
# by default; Debian's packages use share/zsh/vendor-completions). With ECPA_INSTALL_AS=sudo, the
# files are written through sudo.
install_ecpa() {
    local bin_folder=$1 prefix=$2 zsh_folder=${3:-share/zsh/site-functions}
    local run=()
    [ -n "${ECPA_INSTALL_AS:-}" ] && run=("$ECPA_INSTALL_AS")
    local generated
    generated=$(mktemp -d)
    "$bin_folder/generate-manual" "$bin_folder/ecpa" --output-directory "$generated" >/dev/null
    ecpa_manual_compact "$generated/ecpa.1" "$generated/ecpa.compact.1"
    mv "$generated/ecpa.compact.1" "$generated/ecpa.1"
    "$bin_folder/ecpa" --generate-completion-script bash >"$generated/ecpa.bash"
    "$bin_folder/ecpa" --generate-completion-script zsh >"$generated/_ecpa"
    "$bin_folder/ecpa" --generate-completion-script fish >"$generated/ecpa.fish"
    "${run[@]}" install -D -m 0755 "$bin_folder/ecpa" "$prefix/bin/ecpa"
    "${run[@]}" install -D -m 0644 "$generated/ecpa.1" "$prefix/share/man/man1/ecpa.1"
    "${run[@]}" install -D -m 0644 "$generated/ecpa.bash" "$prefix/share/bash-completion/completions/ecpa"
    "${run[@]}" install -D -m 0644 "$generated/_ecpa" "$prefix/$zsh_folder/_ecpa"
    "${run[@]}" install -D -m 0644 "$generated/ecpa.fish" "$prefix/share/fish/vendor_completions.d/ecpa.fish"
    rm -rf "$generated"
}
