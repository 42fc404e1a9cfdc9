# The man page made compact: argument-parser's generate-manual describes every option under each
# of the 80-odd commands; scripts/lib/files.sh passes its page through here. Sourced, not run.

# ecpa_manual_compact GENERATED OUTPUT: the generated page with --help, --version, --db, --as,
# --format and --wide described once, after the description, and left out under each command
# (where a command gives one of them its own text, as `demo --db` does, that one stays).
ecpa_manual_compact() {
    local generated="${1:?ecpa_manual_compact needs the generated page}"
    local output="${2:?ecpa_manual_compact needs an output file}"
    awk '
    function common(it) {
        return it == ".It Fl -version" || it == ".It Fl h , -help" || it == ".It Fl -db Ar url" ||
            it == ".It Fl -as Ar role" || it == ".It Fl -format Ar format" || it == ".It Fl -wide"
    }
    # Prints a line, leaving out a list that ends up empty.
    function emit(text) {
        if (pending != "") {
            if (text == ".El") { pending = ""; return }
            print pending
            pending = ""
        }
        if (text ~ /^\.Bl /) { pending = text; return }
        print text
    }
    { line[NR] = $0 }
    END {
        n = NR
        # An item runs from its .It line to the next item, list or section.
        for (i = 1; i <= n; i++) {
            if (line[i] !~ /^\.It / || !common(line[i])) continue
            j = i + 1
            while (j <= n && line[j] !~ /^\.(It|El|Bl|Sh)( |$)/) j++
            text = line[i]
            for (k = i + 1; k < j; k++) text = text "\n" line[k]
            end[i] = j
            item[i] = text
            count[text]++
        }
        # The text an option has in most commands is its common one.
        for (text in count) {
            split(text, first, "\n")
            if (count[text] > most[first[1]]) { most[first[1]] = count[text]; usual[first[1]] = text }
        }
        order[1] = ".It Fl -version"; order[2] = ".It Fl h , -help"; order[3] = ".It Fl -db Ar url"
        order[4] = ".It Fl -as Ar role"; order[5] = ".It Fl -format Ar format"; order[6] = ".It Fl -wide"
        for (i = 1; i <= n; i++) {
            if (line[i] ~ /^\.Sh DESCRIPTION/) described = 1
            if (described == 1 && line[i] ~ /^\.Bl /) {
                print ".Pp"
                print "These options mean the same in every command and are described here once: every command takes --help and --version; every command that uses the database, --db and --as; every command that prints data, --format (table, json or csv) and --wide."
                print ".Bl -tag -width 6n"
                for (o = 1; o <= 6; o++) if (order[o] in usual) print usual[order[o]]
                print ".El"
                print ".Pp"
                print "The commands:"
                described = 2
            }
            if ((i in item) && item[i] == usual[line[i]]) { i = end[i] - 1; continue }
            emit(line[i])
        }
        if (pending != "") print pending
    }' "$generated" >"$output"
}
