# Shared by scripts/test and scripts/reliability-doc: the figures line of docs/reliability.md,
# counted from a run's ECPA_RELIABILITY_LOG (one line per bad-input case: `input KIND NAME
# held|broken`, written by BadInputCorpusTests). Sourced, not run.

# Prints the figures line for the log file given as $1.
reliability_figures() {
    local log=$1
    reliability_count() { grep -c "$1" "$log" || true; }
    printf 'Bad-input cases run: %s (entry files %s, score sheets %s, flags %s, times %s, connection strings %s); refused as pinned, with nothing written: %s.\n' \
        "$(reliability_count '^input ')" "$(reliability_count '^input entry-file ')" "$(reliability_count '^input score-sheet ')" "$(reliability_count '^input flag ')" \
        "$(reliability_count '^input time ')" "$(reliability_count '^input connection ')" "$(reliability_count '^input .* held$')"
}
